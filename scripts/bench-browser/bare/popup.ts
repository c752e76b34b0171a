/// <reference types="chrome" />
// The baseline popup: one message to the worker, one line of text.
const line = document.createElement('p');
document.body.append(line);
chrome.runtime.sendMessage({ tabId: new URLSearchParams(location.search).get('tabId') }).then((answer: { edge: string }) => {
  line.textContent = `Edge: ${answer.edge}`;
}, (err: unknown) => {
  line.textContent = String(err);
});
