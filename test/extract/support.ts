// One way for the extraction specs to call `extract`, so that every spec reads its figures against the same publication date unless it says otherwise.
import { extract } from '../../src/extract/index';

export const PUBLISHED = '2024-05-01';

export const run = (text: string, title?: string, published = PUBLISHED) => extract({ text, ...(title ? { title } : {}), published });
export const fig = (text: string, title?: string, published?: string) => run(text, title, published).casualties;
export const threats = (text: string, title?: string, published?: string) => run(text, title, published).threats.map((t) => t.value);
