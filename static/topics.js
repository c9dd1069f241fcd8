// Progressive enhancement of the topic board. Without this script every form still works.
(function () {
  "use strict";

  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function setButton(form, voted) {
    var button = form.querySelector("button");
    var dot = form.querySelector("input[name=dot]");
    var title = button.querySelector(".visually-hidden");
    dot.value = voted ? "remove" : "add";
    button.firstChild.nodeValue = voted ? form.dataset.removeLabel : form.dataset.addLabel;
    button.setAttribute("aria-pressed", voted ? "true" : "false");
    button.classList.toggle("is-voted", voted);
    button.classList.toggle("button-secondary", voted);
    button.classList.toggle("button-primary", !voted);
    if (title) button.appendChild(title);
  }

  function onDot(event) {
    var form = event.target.closest("form[data-dot]");
    if (!form || !window.fetch || !window.FormData) return;
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        var card = form.closest("[id^=topic-]") || document;
        var count = card.querySelector("[data-count]");
        if (count) count.textContent = result.interest;
        var label = card.querySelector("[data-count-label]");
        if (label) label.textContent = result.interest_label;
        setButton(form, result.voted);
        var left = document.querySelector("[data-dots-left]");
        if (left) left.textContent = result.dots_label;
        document.querySelectorAll("form[data-dot] input[name=dot][value=add]").forEach(function (input) {
          input.form.querySelector("button").disabled = result.dots_left === 0;
        });
        button.disabled = !result.voted && result.dots_left === 0;
        status.textContent = result.message;
      })
      .catch(function () { form.submit(); });
  }
  document.addEventListener("submit", onDot);

  // The live board: server-sent events replace the board; without them, reload now and then.
  var board = document.querySelector("[data-live-board]");
  if (!board) return;
  var liveStatus = document.querySelector("[data-live-status]");
  var reload = null;
  // Also the way out when the stream is refused (503 at the instance's limit): the
  // EventSource then stops for good. Some jitter keeps refused projectors from all
  // coming back in the same second.
  function offline() {
    if (liveStatus) {
      liveStatus.textContent = liveStatus.dataset.offline;
      liveStatus.dataset.state = "offline";
    }
    if (!reload) reload = setTimeout(function () { location.reload(); }, 30000 + Math.random() * 5000);
  }
  if (!window.EventSource) { offline(); return; }
  var source = new EventSource(board.dataset.stream);
  source.addEventListener("board", function (message) {
    board.innerHTML = message.data;
    if (liveStatus) {
      liveStatus.textContent = liveStatus.dataset.connected;
      liveStatus.dataset.state = "live";
    }
    if (reload) { clearTimeout(reload); reload = null; }
  });
  source.addEventListener("error", offline);
})();
