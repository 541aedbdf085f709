import type { Entry } from '../i18n.js';
import type { FormUiKey } from './ui-messages.js';

/** English for the form; fetched only when a page or element asks for English. */
const en: Record<FormUiKey, Entry> = {
  'ui.continue': 'Continue',
  'ui.back': 'Back',
  'ui.submit': 'Submit application',
  'ui.optional': '(optional)',
  'ui.stepOf': 'Step {n} of {total}',
  'ui.errorPrefix': 'Error:',
  'ui.warningPrefix': 'Please check:',
  'ui.review': 'Check your answers',
  'ui.yes': 'Yes',
  'ui.no': 'No',
  'ui.choose': 'Choose one',
  'ui.day': 'Day',
  'ui.month': 'Month',
  'ui.year': 'Year',
  'ui.dateExample': 'For example, {example}',
  'ui.help': 'Need help?',
  'ui.helpPhone': 'Phone',
  'ui.helpWhatsapp': 'WhatsApp',
  'ui.helpEmail': 'Email',
  'ui.serviceLevel': 'Service time: {duration}',
  'ui.fee': 'Fee: {fee}',
  'ui.notice': 'Important:',
  'ui.checking': 'Checking your answers…',
  'ui.checkCodeFailed': 'Your answers cannot be checked yet: the part of the form that checks them could not be loaded. Check your internet connection, then press Try again. Your answers are still here.',
  'ui.reviewLoading': 'Loading the summary of your answers…',
  'ui.reviewCodeFailed': 'The summary of your answers could not be loaded. Check your internet connection, then press Try again. Your answers are still here.',
  'ui.retry': 'Try again',
  'ui.loadingQuestion': 'Loading the question…',
  'ui.questionCodeFailed': 'This question could not be loaded. Check your internet connection, then press Try again. Your answers are still here.',
  'ui.loadingList': 'Loading the list of choices…',
  'ui.listCodeFailed': 'The list of choices could not be loaded. Check your internet connection, then press Try again. Your answers are still here.',
};

export default en;
