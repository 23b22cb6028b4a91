// A small rich-text editor for field reports: bold, italic, lists, links.
//
// Progressive enhancement of <textarea data-rich-text>: the textarea stays in
// the form (hidden) and receives the editor's HTML on every change, so the
// form posts as it would without JavaScript. The server keeps only a few
// tags (lms/report_text.py); nothing typed here is trusted.

const COMMANDS = [
  { command: "bold", key: "bold" },
  { command: "italic", key: "italic" },
  { command: "insertUnorderedList", key: "bullets" },
  { command: "insertOrderedList", key: "numbers" },
  { command: "createLink", key: "link" },
];

function enhance(textarea) {
  const labels = JSON.parse(textarea.dataset.richText);
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label && !label.id) label.id = `${textarea.id}-label`;

  const toolbar = document.createElement("div");
  toolbar.className = "rich-text__toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", labels.toolbar);
  toolbar.setAttribute("aria-controls", `${textarea.id}-editor`);

  const editor = document.createElement("div");
  editor.id = `${textarea.id}-editor`;
  editor.className = "rich-text__editor";
  editor.contentEditable = "true";
  editor.setAttribute("role", "textbox");
  editor.setAttribute("aria-multiline", "true");
  if (label) editor.setAttribute("aria-labelledby", label.id);
  const described = textarea.getAttribute("aria-describedby");
  if (described) editor.setAttribute("aria-describedby", described);
  editor.innerHTML = textarea.value;

  // The server reads text without any block as plain text: the editor's
  // first line may be a bare text node, so it is always sent as a paragraph.
  const sync = () => {
    const html = editor.innerHTML.trim();
    const startsWithBlock = /^<(p|ul|ol|div)\b/i.test(html);
    textarea.value = html && !startsWithBlock ? `<p>${html}</p>` : html;
  };
  for (const { command, key } of COMMANDS) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "rich-text__button";
    button.textContent = labels[key];
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => {
      if (document.activeElement !== editor) editor.focus();
      if (command === "createLink") {
        const address = window.prompt(labels.linkPrompt, "https://");
        if (!address) return;
        document.execCommand(command, false, address);
      } else {
        document.execCommand(command, false);
      }
      sync();
    });
    toolbar.append(button);
  }
  document.execCommand("defaultParagraphSeparator", false, "p");
  editor.addEventListener("input", sync);
  textarea.hidden = true;
  textarea.after(toolbar, editor);
}

for (const textarea of document.querySelectorAll("textarea[data-rich-text]")) {
  enhance(textarea);
}
