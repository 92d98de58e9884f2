// Drag and drop onto the import page's drop zone: the dropped file goes into the form's file input.
(function () {
  const zone = document.querySelector("[data-dropzone]");
  const form = document.querySelector("[data-import-form]");
  if (!zone || !form) return;
  const input = form.querySelector("input[type=file]");
  const name = zone.querySelector("[data-dropzone-name]");
  const show = () => { name.textContent = input.files.length ? " — " + input.files[0].name : ""; };
  ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
  input.addEventListener("change", show);
})();
