/** Azure Functions registration: the family feedback step function (see src/app/handlers/survey.ts). */
import { registerWithAzure } from '../app/azure-register';
import { surveyStepFunction } from '../app/handlers/survey';

registerWithAzure(surveyStepFunction);
