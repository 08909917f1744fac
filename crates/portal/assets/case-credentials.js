// Shows a new case's number and PIN once: copy, download as a text file, print, and a clear
// warning that they cannot be recovered. The codes live only in this page's memory and in what
// the person chooses to save.

import { copyText, el, focusElement, t } from './common.js';

/**
 * Fills `container` with the case number and PIN and moves focus to its heading.
 * `links.statusUrl` and `links.helpUrl` are the site's status and help pages.
 */
export function showCredentials(container, { caseNumber, pin }, links) {
  const statusAddress = new URL(links.statusUrl, window.location.origin).href;
  const fileText = [
    t('case-file-title'),
    '',
    `${t('case-number-label')}: ${caseNumber}`,
    `${t('case-pin-label')}: ${pin}`,
    '',
    t('case-file-intro'),
    t('case-file-status', { url: statusAddress }),
    '',
  ].join('\r\n');

  const feedback = el('p', { class: 'hint', role: 'status' });
  const copyButton = (label, value) =>
    el('button', {
      type: 'button',
      class: 'button secondary no-print',
      text: label,
      onclick: async () => {
        feedback.textContent = (await copyText(value)) ? t('case-copied') : t('case-copy-failed');
      },
    });

  const download = () => {
    const blob = new Blob([fileText], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: t('case-file-name'), class: 'visually-hidden' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  const next = el(
    'p',
    { class: 'actions no-print', hidden: true },
    el('a', { class: 'button primary', href: links.statusUrl, text: t('case-next-status') }),
    el('a', { class: 'button secondary', href: links.helpUrl, text: t('case-next-help') }),
  );
  const saved = el('input', {
    type: 'checkbox',
    id: 'credentials-saved',
    onchange: (event) => {
      next.hidden = !event.target.checked;
    },
  });

  // The result is now what the page is about: it gets the page's only h1 and its title.
  const heading = el('h1', { id: 'result-heading', text: t('case-created-title') });
  const oldHeading = document.querySelector('main h1');
  if (oldHeading) oldHeading.remove();
  const suffix = document.title.includes(' · ') ? document.title.slice(document.title.lastIndexOf(' · ')) : '';
  document.title = t('case-created-title') + suffix;
  container.replaceChildren(
    heading,
    el('p', { text: t('case-created-lead') }),
    el('div', { class: 'callout important', role: 'alert' }, el('p', { text: t('case-warning') })),
    el(
      'dl',
      { class: 'credentials' },
      el('dt', { text: t('case-number-label') }),
      el('dd', {}, el('span', { class: 'code', id: 'case-number-value', text: caseNumber }), copyButton(t('case-copy-number'), caseNumber)),
      el('dt', { text: t('case-pin-label') }),
      el('dd', {}, el('span', { class: 'code', id: 'pin-value', text: pin }), copyButton(t('case-copy-pin'), pin)),
    ),
    feedback,
    el(
      'p',
      { class: 'actions no-print' },
      el('button', { type: 'button', class: 'button secondary', id: 'credentials-download', text: t('case-download'), onclick: download }),
      el('button', { type: 'button', class: 'button secondary', id: 'credentials-print', text: t('case-print'), onclick: () => window.print() }),
    ),
    el('p', { class: 'hint', text: t('case-safety') }),
    el('div', { class: 'choice no-print' }, saved, el('label', { for: 'credentials-saved', text: t('case-saved-check') })),
    next,
  );
  container.hidden = false;
  focusElement(heading);
}
