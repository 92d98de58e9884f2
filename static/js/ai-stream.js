// AI pages: show an answer while it is written. A form with data-stream-url is posted with fetch;
// the server answers text/event-stream ("chunk" {text}, then "done" or "error" {html}) or, for a
// form error or a limit, plain HTML that replaces the result at once.
(() => {
  function parseEvents(buffer, onEvent) {
    // Events end with a blank line; the last, unfinished one stays in the buffer.
    const parts = buffer.split("\n\n");
    const rest = parts.pop();
    for (const part of parts) {
      let name = "message";
      const data = [];
      for (const line of part.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length) onEvent(name, JSON.parse(data.join("\n")));
    }
    return rest;
  }

  function showHtml(target, html) {
    target.innerHTML = html;
    if (window.htmx) window.htmx.process(target); // the save form inside uses hx-post
  }

  async function stream(form) {
    const target = document.querySelector(form.dataset.streamTarget);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    target.innerHTML =
      '<div class="card"><p class="muted" role="status" data-stream-status></p>' +
      '<div class="letter streaming" data-stream-text aria-busy="true"></div></div>';
    const status = target.querySelector("[data-stream-status]");
    status.textContent = document.body.dataset.textWriting || "Writing…";
    const text = target.querySelector("[data-stream-text]");
    try {
      const response = await fetch(form.dataset.streamUrl, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      if (!(response.headers.get("Content-Type") || "").startsWith("text/event-stream")) {
        showHtml(target, await response.text());
        return;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      const onEvent = (name, data) => {
        if (name === "chunk") text.textContent += data.text;
        else if (name === "done" || name === "error") showHtml(target, data.html);
      };
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = parseEvents(buffer + decoder.decode(value, { stream: true }), onEvent);
      }
      parseEvents(buffer + "\n\n", onEvent);
    } catch (error) {
      if (status) status.textContent = document.body.dataset.textStreamBroken || "The connection broke off. Try again.";
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-stream-url]");
    if (!form || !window.fetch || !window.TextDecoder) return; // the plain POST still works
    event.preventDefault();
    stream(form);
  });
})();
