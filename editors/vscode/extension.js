// journeys' language server in VS Code: starts `journeys lsp` (the `journeys.command` setting) for .feature files.
const path = require("path");
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("journeys").get("command", ["journeys", "lsp"]);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const server = { command: folder && command.startsWith(".") ? path.join(folder, command) : command, args };
  client = new LanguageClient("journeys", "journeys", server, {
    documentSelector: [{ scheme: "file", pattern: "**/*.feature" }],
  });
  client.start();
  context.subscriptions.push(client);
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
