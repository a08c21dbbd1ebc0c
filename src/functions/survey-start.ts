/** Azure Functions registration: the family feedback start function (see src/app/handlers/survey.ts). */
import { registerWithAzure } from '../app/azure-register';
import { surveyStartFunction } from '../app/handlers/survey';

registerWithAzure(surveyStartFunction);
