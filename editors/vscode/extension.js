// The remit extension: starts `remit lsp` for .remit files. Plain JavaScript, no build step;
// `npm install` in this folder fetches the one dependency, vscode-languageclient.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function start() {
  const command = vscode.workspace.getConfiguration('remit').get('path') || 'remit';
  const server = { command, args: ['lsp'] };
  client = new LanguageClient(
    'remit',
    'remit',
    { run: server, debug: server },
    { documentSelector: [{ scheme: 'file', language: 'remit' }, { scheme: 'untitled', language: 'remit' }] }
  );
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `remit: could not start "${command} lsp" (${error.message}). Set remit.path to the remit program.`
    );
  });
}

function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('remit.path')) return;
      if (client) await client.stop();
      await start();
    })
  );
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
