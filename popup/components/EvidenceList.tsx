import type { Evidence } from '../../src/core/types.js';
import { evidenceText } from '../../src/core/model/wording.js';
import { words } from '../i18n.js';

/** The facts behind a claim, shown as text: header values come from strangers' servers. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  return (
    <ul class="evidence-list">
      {evidence.map((e, i) => <li key={i} data-kind={e.kind}>{evidenceText(words, e)}</li>)}
    </ul>
  );
}
