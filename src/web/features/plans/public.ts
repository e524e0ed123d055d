// What other features use of the plan pages: the activate dialog (the incident pages, the alarm pages) and the
// trigger suggestions (open matches with 启动 / 忽略; for one alarm in the alarm drawer). Their texts come with them.
import './locales.ts';
import './plans.css';

export { ActivateDialog, type ActivateDialogProps } from './ActivateDialog.tsx';
export { SuggestionsPanel, type SuggestionsPanelProps } from './SuggestionsPanel.tsx';
export { LevelTag, HazardTag, LEVEL_COLOURS } from './parts.tsx';
export type { PlanSuggestion } from './api.ts';
