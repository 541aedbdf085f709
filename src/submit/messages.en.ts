import type { Entry } from '../i18n.js';
import type { SubmitMessageKey } from './messages.js';

/** English for sending and the receipt; fetched only when a page or element asks for English. */
const en: Record<SubmitMessageKey, Entry> = {
  'submit.sending': 'Sending your application…',
  'submit.retrying': 'The connection dropped. Trying again in {seconds} seconds…',
  'submit.progress': 'Uploading files: {percent}%',
  'submit.fileProgress': '{name}: {percent}%',
  'submit.queued': 'Waiting for a connection — your application will be sent automatically',
  'submit.queuedDetail': 'Your application and files are kept on this device and will be sent as soon as the connection returns, also if you open this page again later. Do not clear the browser’s data until it has been sent.',
  'submit.failedTitle': 'Your application has not been sent',
  'submit.failed.network': 'The office’s server cannot be reached. Check your internet connection, then try again.',
  'submit.failed.timeout': 'The office’s server took too long to answer. Try again in a moment.',
  'submit.failed.http': 'The office’s server has a problem (code {status}). Your answers are still here; try again in a moment.',
  'submit.failed.not-json': 'The office’s server sent an answer that cannot be read, so it is not certain your application arrived. Try again; it will not be recorded twice.',
  'submit.failed.no-tracking-number': 'The office’s server answered without a reference number, so it is not certain your application arrived. Try again; it will not be recorded twice.',
  'submit.failed.missing-endpoint': 'This form is not connected to the office’s server yet, so your application has not been sent. Your answers are still on this page.',
  'submit.failed.hook': 'Your application could not be sent. Your answers are still here; try again.',
  'submit.filesCannotWait': 'This device cannot keep files to send later. Stay on this page and press "Try again" once the connection is back.',
  'submit.help': 'If the problem continues, contact the office using the help details below.',
  'submit.retry': 'Try again',
  'submit.serverErrors': 'The office refused some answers. Correct the ones marked, then send again.',
  'receipt.title': 'Application sent',
  'receipt.number': 'Reference number',
  'receipt.keep': 'Keep this number to ask about the progress of your application.',
  'receipt.nextSteps': 'What happens next',
  'receipt.duration': 'Service time: {duration}',
  'receipt.fee': 'Fee: {fee}',
  'receipt.submittedAt': 'Sent {date}',
  'receipt.print': 'Print confirmation',
  'draft.offer': 'Continue where you left off?',
  'draft.offerDetail': 'The answers you started on {date} are kept on this device. Files are not kept and need to be chosen again.',
  'draft.resume': 'Continue',
  'draft.fresh': 'Start again',
  'draft.delete': 'Delete data from this device',
  'draft.deleted': 'Your answers have been deleted from this device.',
  'draft.restored': 'Your earlier answers have been restored.',
  'draft.saved': 'Your answers are kept on this device until {date}, without files{sensitive}.',
  'draft.savedSensitive': ' and without sensitive personal data (such as the NIK)',
};

export default en;
