// Puts a letter to the person who shares or threatens together from translated parts. Pure:
// no page, no network; the letters page and the tests call it. The parts and the order are
// described in locales/en/letters.ftl.

export const VIOLENCE = ['sextortion', 'deepfake', 'sharing', 'unsolicited'];
export const SENDERS = ['victim', 'witness', 'recipient', 'manager'];
export const CHANNELS = ['message', 'email', 'letter'];

/**
 * The letter as plain text.
 * - `strings`: the `letter-…` messages, with `{name}` placeholders.
 * - `choice`: `{ violence, sender, channel }`, each one of the lists above.
 * - `fields`: `{ recipient, victim, organisation, signature, city }`, any of them empty.
 * - `date`: today's date, already written out in the page's language.
 */
export function composeLetter(strings, choice, fields, date) {
  const { violence, sender, channel } = choice;
  const clean = (value) => (typeof value === 'string' ? value.trim() : '');
  const recipient = clean(fields.recipient);
  const signature = clean(fields.signature);
  const city = clean(fields.city);
  const values = {
    recipient,
    victim: clean(fields.victim) || strings['letter-placeholder-victim'],
    organisation: clean(fields.organisation) || strings['letter-placeholder-organisation'],
    city,
    date,
  };
  const part = (key) => {
    const text = strings[key];
    if (typeof text !== 'string') throw new Error(`missing letter part ${key}`);
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  };
  const has = (key) => typeof strings[key] === 'string';

  const lines = [];
  if (channel === 'letter') {
    lines.push(city ? part('letter-place-date') : date, '');
    if (recipient) lines.push(part('letter-to'), '');
  }
  if (channel !== 'message') lines.push(part(`letter-subject-${violence}`), '');

  let greeting = 'letter-greeting-letter';
  if (channel !== 'letter') greeting = recipient ? `letter-greeting-${channel}-named` : `letter-greeting-${channel}`;
  lines.push(part(greeting), '');

  const opening = [];
  if (sender === 'manager') opening.push(part('letter-manager-intro'));
  opening.push(part(`letter-intro-${sender}-${violence}`), part(`letter-law-${violence}`));
  lines.push(opening.join(' '), '');
  lines.push(part(`letter-demand-${sender === 'victim' ? 'self' : 'other'}-${violence}`), '');
  const specific = `letter-next-${sender}-${violence}`;
  lines.push(part(has(specific) ? specific : `letter-next-${sender}`), '');

  lines.push(part(`letter-closing-${channel}`));
  if (signature) lines.push(signature);
  if (sender === 'manager') lines.push(values.organisation);
  return lines.join('\n');
}
