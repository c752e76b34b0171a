import { render } from 'preact';
import { App } from './App.js';
import { subjectFromLocation } from './subject.js';

const root = document.getElementById('app');
if (root !== null) {
  document.documentElement.lang = navigator.language;
  render(<App initial={subjectFromLocation(location.search)} />, root);
}
