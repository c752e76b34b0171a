import { render } from 'preact';
import { App } from './App.js';
import { subjectFromLocation } from './subject.js';
import { uiLocale } from './i18n.js';

const root = document.getElementById('app');
if (root !== null) {
  // The language of the messages actually shown, not whatever the browser prefers.
  document.documentElement.lang = uiLocale();
  render(<App initial={subjectFromLocation(location.search)} />, root);
}
