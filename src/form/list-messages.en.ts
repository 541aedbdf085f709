import type { Entry } from '../i18n.js';
import type { ListMessageKey } from './list-messages.js';

const en: Record<ListMessageKey, Entry> = {
  'list.searchHint': 'Type to search, then choose with the up or down arrows and Enter.',
  'list.results': { one: '1 matching choice', other: '{count} matching choices' },
  'list.resultsMore': 'Showing {shown} of {count} matching choices; type more to narrow them down',
  'list.noResults': 'No choice matches "{query}"',
  'list.failed': 'The list of choices could not be loaded. Check your internet connection, then press Try again.',
  'list.loading': 'Loading the list of choices…',
  'list.empty': 'The list of choices is empty. Contact the office.',
  'region.loading': 'Loading the list of regions…',
  'region.failed': 'The list of regions could not be loaded. Check your internet connection, then press Try again.',
  'region.missing': 'Region {code} is not in the region data. Contact the office.',
  'region.level.province': 'Province',
  'region.level.regency': 'Regency or city',
  'region.level.district': 'District (kecamatan)',
  'region.level.village': 'Village (desa/kelurahan)',
  'region.retry': 'Try again',
};

export default en;
