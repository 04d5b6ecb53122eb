import { useState } from 'preact/hooks';
import type { MessageKey, Translate, UiLocale } from '../i18n/t.ts';
import type { RuleHit, PromptCard as Card } from '../rules/evaluate.ts';
import type { ResponseCode } from '../log/event.ts';
import type { Contact } from '../policy/settings.ts';

export interface PromptCardProps {
  t: Translate;
  locale: UiLocale;
  hit: RuleHit;
  card: Card;
  contacts: readonly Contact[];
  allowSnooze: boolean;
  response: ResponseCode | undefined;
  onOpenDetail: () => void;
  onRespond: (code: ResponseCode) => void;
  onSnooze: () => void;
  onRecordDecision: () => void;
  /** The worker followed a cited source (logged by rule id only). */
  onOpenSource: () => void;
}

/** The card's words in the worker's language; a pack without Welsh text falls back to English. */
export function cardText(card: Card, locale: UiLocale): { summary: string; detail: string } {
  return {
    summary: (locale === 'cy' && card.cy?.summary) || card.summary,
    detail: (locale === 'cy' && card.cy?.detail) || card.detail,
  };
}

function responseKey(code: ResponseCode): MessageKey {
  return `response_${code.replace(/-/g, '_')}` as MessageKey;
}

/** Text from a pack is shown as text (Preact escapes it): packs are data, never markup. */
export function PromptCardView(props: PromptCardProps) {
  const { t, locale, hit, card, contacts } = props;
  const [open, setOpen] = useState(false);
  const { summary, detail } = cardText(card, locale);
  const cardContacts = contacts.filter((contact) => card.contactCategories.includes(contact.category));
  // One card can be raised by two rules: the rule id keeps element ids unique.
  const headingId = `stp-card-${hit.ruleId}-${card.id}`;
  const detailId = `${headingId}-detail`;
  return (
    <article class={`stp-card stp-${hit.severity}`} aria-labelledby={headingId}>
      <p class="stp-severity">
        {t(`severity_${hit.severity}`)}
        {card.status === 'coming' ? <span class="stp-coming"> · {t('statusComing')}</span> : null}
      </p>
      <h3 id={headingId} class="stp-summary">
        {summary}
      </h3>
      <button
        type="button"
        class="stp-link-button"
        aria-expanded={open}
        aria-controls={detailId}
        onClick={() => {
          if (!open) props.onOpenDetail();
          setOpen(!open);
        }}
      >
        {open ? t('hideDetail') : t('showDetail')}
      </button>
      <div id={detailId} class="stp-detail" hidden={!open}>
        {detail.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        {card.links.length > 0 ? (
          <ul class="stp-links">
            {card.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <h4 class="stp-subheading">{t('sources')}</h4>
      <ul class="stp-sources">
        {card.sources.map((source) => (
          <li key={source.id}>
            <a href={source.url} target="_blank" rel="noopener noreferrer" onClick={props.onOpenSource}>
              {source.title}
            </a>
            {source.locator ? <span class="stp-locator">, {source.locator}</span> : null}
            <span class="stp-publisher"> ({source.publisher})</span>
          </li>
        ))}
      </ul>
      {card.contactCategories.length > 0 ? (
        <>
          <h4 class="stp-subheading">{t('contacts')}</h4>
          {cardContacts.length > 0 ? (
            <ul class="stp-contacts">
              {cardContacts.map((contact) => (
                <li key={`${contact.category}:${contact.name}`}>
                  <strong>{contact.name}</strong>
                  {contact.phone ? <> · <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a></> : null}
                  {contact.email ? <> · <a href={`mailto:${contact.email}`}>{contact.email}</a></> : null}
                  {contact.url ? <> · <a href={contact.url} target="_blank" rel="noopener noreferrer">{contact.url}</a></> : null}
                  {contact.lastVerified ? <span class="stp-verified"> ({t('lastVerified', contact.lastVerified)})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="stp-muted">{t('contactsNone')}</p>
          )}
        </>
      ) : null}
      {card.responses.length > 0 ? (
        <div class="stp-responses" role="group" aria-label={t('respondPrompt')}>
          <p class="stp-subheading" aria-hidden="true">{t('respondPrompt')}</p>
          {card.responses.map((code) => (
            <button
              type="button"
              key={code}
              class="stp-response"
              aria-pressed={props.response === code}
              onClick={() => props.onRespond(code)}
            >
              {t(responseKey(code))}
            </button>
          ))}
        </div>
      ) : null}
      <div class="stp-card-actions">
        <button type="button" class="stp-secondary stp-record-decision" data-decision-for={`${hit.ruleId}:${card.id}`} onClick={props.onRecordDecision}>
          {t('decision_open')}
        </button>
        {props.allowSnooze ? (
          <button type="button" class="stp-link-button stp-snooze" onClick={props.onSnooze}>
            {t('snooze')}
          </button>
        ) : null}
      </div>
    </article>
  );
}
