// Integrations page: copy the webhook URL, the secret and the curl example to the clipboard.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source || !navigator.clipboard) return;
  const label = button.textContent;
  navigator.clipboard.writeText(source.textContent.trim()).then(
    () => { button.textContent = document.body.dataset.textCopied || "Copied"; },
    () => { button.textContent = document.body.dataset.textCopyFailed || "Select and copy by hand"; },
  ).finally(() => setTimeout(() => { button.textContent = label; }, 2000));
});
