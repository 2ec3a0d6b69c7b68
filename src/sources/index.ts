export { checkSourceInput, cleanSourceName, SourceInputError, type SourceInput, type SourceInputCode } from './check.ts';
export { addSources, importOpml, summarize, type AddOutcome, type AddSummary } from './add.ts';
