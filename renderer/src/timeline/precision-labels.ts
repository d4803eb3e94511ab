import type { EventRecord } from '../../../shared/model/records';

export const precisionLabels: Readonly<Record<EventRecord['date']['precision'], string>> = { day: 'day', month: 'month', year: 'year', approximate: 'approximate', range: 'range' };
