// The chat widget (a file of its own: the Content-Security-Policy runs no inline script).
// Progressive enhancement: talk to /api/chat without reloading; the form works without this.
(() => {
  const form = document.getElementById("chat-form");
  const log = document.getElementById("chat-log");
  let caseNumber = form.dataset.caseNumber || "";
  const csrf = form.querySelector("[name=csrf_token]").value;
  const say = (from, text, asks) => {
    const li = document.createElement("li");
    li.setAttribute("data-testid", "chat-message");
    li.dataset.from = from;
    if (asks && asks.length) li.dataset.asks = asks.join(",");
    li.textContent = text;
    log.appendChild(li);
  };
  form.addEventListener("submit", async (event) => {
    if (!window.fetch) return;
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    delete data.csrf_token;  // the token goes in a header: the JSON API takes no form fields
    if (caseNumber) data.case_number = caseNumber;
    const response = await fetch("/api/chat", {method: "POST",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf}, body: JSON.stringify(data)});
    const body = await response.json();
    if (!response.ok) { say("shop", body.error); return; }
    say("customer", data.message);
    say("shop", body.reply, body.asked);
    if (!caseNumber) {
      const p = document.createElement("p");
      p.append("Zaaknummer: ");
      const span = document.createElement("span");
      span.setAttribute("data-testid", "case-number");
      span.textContent = body.case_number;
      p.appendChild(span);
      log.before(p);
      form.querySelectorAll("fieldset").forEach((f) => f.remove());
    }
    caseNumber = body.case_number;
    form.querySelector("[name=message]").value = "";
  });
})();
