import type { Entry } from '../i18n.js';
import type { FormLaterKey } from './later-messages.js';

/** English for the form's later words; fetched only when a page or element asks for English. */
const en: Record<FormLaterKey, Entry> = {
  'ui.backToReview': 'Save and return to the summary',
  'ui.errorSummary': 'There is a problem',
  'ui.errorSummaryMore': { one: 'And 1 more problem; go to it', other: 'And {count} more problems; go to the next one' },
  'ui.reviewIntro': 'Make sure all your answers are right before you submit the application.',
  'ui.change': 'Change',
  'ui.notAnswered': 'Not answered',
  'ui.addItem': 'Add',
  'ui.removeItem': 'Remove {item}',
  'ui.item': '{label} {n}',
  'ui.itemAdded': '{item} added.',
  'ui.itemRemoved': '{item} removed.',
  'ui.itemsMax': 'At most {max}.',
  'ui.noItems': 'None yet. Use the button below to add one.',
  'ui.chooseFiles': 'Choose files',
  'ui.chooseFile': 'Choose a file',
  'ui.noFile': 'No file chosen',
  'ui.anyImage': 'image',
  'ui.fileLimits': '{types}. At most {size} per file.',
  'ui.fileLimitsCount': '{types}. At most {size} per file, up to {count} files.',
  'ui.removeFile': 'Remove {name}',
  'ui.fileRemoved': 'File {name} removed.',
  'ui.filesChosen': '{names} chosen for {label}',
  'ui.preparingPhotos': 'Preparing photos…',
  'ui.sendCodeFailed': 'Your application has not been sent: the part of the form that sends it could not be loaded. Check your internet connection, then press Try again. Your answers are still here.',
  'ui.submitted': 'Your answers have been handed over for sending.',
};

export default en;
