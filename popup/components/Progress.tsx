import type { SiteModel } from '../../src/core/model/site-model.js';
import type { StepState } from '../../src/core/lookup/lookup-host.js';
import { t } from '../i18n.js';
import type { MessageKey } from '../i18n.js';

const MARK: Record<StepState, string> = { pending: '…', done: '✓', failed: '✗', off: '–', 'not-needed': '' };

/** Where the lookup stands, step by step, in words as well as marks: DNS ✓ · Site … · Registry … */
export function Progress({ model }: { model: SiteModel }) {
  const steps = Object.entries(model.lookup.steps).filter(([, state]) => state !== 'not-needed') as [keyof SiteModel['lookup']['steps'], StepState][];
  if (steps.length === 0) return null;
  return (
    <ul class="progress" aria-label={t('progressLabel')}>
      {steps.map(([step, state]) => (
        <li key={step} data-step={step} data-state={state} class={`step step-${state}`}>
          {t(`step_${step}` as MessageKey)} <span aria-hidden="true">{MARK[state]}</span>
          <span class="visually-hidden">{t(`stepState_${state.replace(/-/g, '_')}` as MessageKey)}</span>
        </li>
      ))}
    </ul>
  );
}
