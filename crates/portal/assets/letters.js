// The letters page: the letter is written here, on the device, as the person fills in the
// form; nothing is sent or stored. Copying puts it on the clipboard.

import { copyText, data, t } from './common.js';
import { composeLetter } from './letter.js';

const container = document.getElementById('letter-form');
const output = document.getElementById('letter-output');
const copyButton = document.getElementById('letter-copy');
const copyStatus = document.getElementById('letter-copy-status');

const today = new Intl.DateTimeFormat(data.locale || data.lang, { dateStyle: 'long' }).format(new Date());

function chosen(name) {
  const checked = container.querySelector(`input[name="${name}"]:checked`);
  return checked ? checked.value : null;
}

function value(name) {
  const field = container.querySelector(`input[name="${name}"]`);
  return field ? field.value : '';
}

function update() {
  const choice = { violence: chosen('violence'), sender: chosen('sender'), channel: chosen('channel') };
  // Show only the fields and the advice that matter for this choice.
  for (const field of container.querySelectorAll('[data-show-for]')) {
    const showFor = field.dataset.showFor.split(' ');
    field.hidden = !(showFor.includes('all') || showFor.includes(choice.sender) || showFor.includes(choice.channel));
  }
  for (const advice of container.querySelectorAll('[data-show-for-violence]')) {
    advice.hidden = advice.dataset.showForViolence !== choice.violence;
  }
  const fields = {
    recipient: value('recipient'),
    victim: value('victim'),
    organisation: value('organisation'),
    signature: value('signature'),
    city: value('city'),
  };
  output.value = composeLetter(data.strings, choice, fields, today);
  copyStatus.textContent = '';
}

container.addEventListener('input', update);
container.addEventListener('change', update);
copyButton.addEventListener('click', async () => {
  copyStatus.textContent = (await copyText(output.value)) ? t('letters-copied') : t('letters-copy-failed');
});
update();
