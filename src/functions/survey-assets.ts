/** Azure Functions registration: the family feedback pages (see src/app/handlers/survey.ts). */
import { register } from './hearth';

register('survey-assets');
