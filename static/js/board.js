// Kanban drag and drop: dropping a card on a column posts the move through htmx,
// exactly as picking the status in the card's select does (which also works without this file).
(function () {
  let dragged = null;

  document.addEventListener("dragstart", (event) => {
    const card = event.target.closest && event.target.closest(".board-card");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.id);
  });

  document.addEventListener("dragend", () => {
    dragged = null;
    document.querySelectorAll(".drop-target").forEach((el) => el.classList.remove("drop-target"));
  });

  document.addEventListener("dragover", (event) => {
    const column = dragged && event.target.closest && event.target.closest(".board-column");
    if (!column) return;
    event.preventDefault();
    column.classList.add("drop-target");
  });

  document.addEventListener("dragleave", (event) => {
    const column = event.target.closest && event.target.closest(".board-column");
    if (column && !column.contains(event.relatedTarget)) column.classList.remove("drop-target");
  });

  document.addEventListener("drop", (event) => {
    const column = dragged && event.target.closest && event.target.closest(".board-column");
    if (!column) return;
    event.preventDefault();
    const card = dragged;
    dragged = null;
    const select = card.querySelector("select[name=status]");
    if (!select || select.value === column.dataset.status) return;
    select.value = column.dataset.status;
    // The select's form is htmx-enabled (hx-trigger="change"): let htmx send it.
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
})();
