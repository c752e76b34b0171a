import type { SiteModel } from '../../src/core/model/site-model.js';
import type { CompanyRow, Summary } from '../../src/core/model/summarise.js';
import { whoCanActText } from '../../src/core/model/wording.js';
import { t, words } from '../i18n.js';
import { ContactLinks } from './ContactLinks.js';

/** The company a report should go to: the one in the answer, or for a layered site the host that holds the content. */
function actor(summary: Summary): CompanyRow | undefined {
  const act = summary.whoCanAct;
  return 'company' in act ? summary.rows.find((r) => r.id === act.company) : undefined;
}

/** The answer the popup is opened for, in one sentence, with one primary way to act on it. */
export function WhoCanAct({ summary, model }: { summary: Summary; model: SiteModel }) {
  const act = summary.whoCanAct;
  const company = actor(summary);
  const pending = act.case === 'nothing' && model.phase !== 'done';
  return (
    <section class={`answer answer-${act.case}`} data-act={act.case} aria-labelledby="answer-heading">
      <h2 class="answer-heading" id="answer-heading">{t('whoCanActHeading')}</h2>
      <p class="answer-text">{pending ? t('lookingUp') : whoCanActText(words, act, summary.rows)}</p>
      {company?.contact !== undefined && <ContactLinks row={company} primary />}
      {company !== undefined && company.contact === undefined && company.unlisted !== undefined && <p class="answer-note">{t('noContactKnown')}</p>}
    </section>
  );
}
