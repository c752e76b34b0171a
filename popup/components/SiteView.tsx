import type { SiteModel } from '../../src/core/model/site-model.js';
import { summarise } from '../../src/core/model/summarise.js';
import { whoCanActText } from '../../src/core/model/wording.js';
import { t, words } from '../i18n.js';
import { Announcer } from './Announcer.js';
import { CompanyList } from './CompanyList.js';
import { CopyReport } from './CopyReport.js';
import { Missing } from './Missing.js';
import { Notice } from './Notice.js';
import { PageNotice } from './PageNotice.js';
import { Progress } from './Progress.js';
import { Resources } from './Resources.js';
import { SiteHeader } from './SiteHeader.js';
import { WhoCanAct } from './WhoCanAct.js';
import { usePainted } from '../use-painted.js';

/**
 * The answer for a site: who can act first, with its contact; where the
 * lookup stands; the page's other hosts in one line; then one row per company.
 * With `answerFirst` (the popup), the answer paints first and the rest a frame later.
 */
export function SiteView({ model, finished, reload, lookUp, answerFirst = false }: { model: SiteModel; finished: boolean; reload: (() => void) | undefined; lookUp: (host: string) => void; answerFirst?: boolean }) {
  const painted = usePainted() || !answerFirst;
  const summary = summarise(model);
  const { lookup } = model;
  const notFound = lookup.dns?.nxdomain === true && lookup.seen === undefined;
  return (
    <>
      <SiteHeader model={model} />
      <PageNotice model={model} reload={reload} />
      {notFound ? (
        <Notice tone="info" title={t('notFoundTitle', lookup.host)} body={t('notFoundBody')} />
      ) : (
        <WhoCanAct summary={summary} model={model} />
      )}
      {painted && (
        <>
          <Progress model={model} />
          {model.resources !== undefined && model.resources.length > 0 && <Resources hosts={model.resources} lookUp={lookUp} />}
          {model.moves?.map((m) => (
            <p key={m.role} class="moved" data-moved={m.role}>
              {t('movedTitle', words(`role_${m.role}`), m.from.join(', '), m.to.join(', '))} <span class="muted">{t('movedBody', new Date(m.at).toLocaleDateString(undefined, { dateStyle: 'medium' }))}</span>
            </p>
          ))}
          {!(notFound && summary.rows.length === 0) && <CompanyList rows={summary.rows} model={model} />}
          <Missing model={model} />
          <CopyReport model={model} />
        </>
      )}
      <Announcer text={finished ? `${lookup.host}: ${notFound ? t('notFoundTitle', lookup.host) : whoCanActText(words, summary.whoCanAct, summary.rows)}` : ''} />
    </>
  );
}
