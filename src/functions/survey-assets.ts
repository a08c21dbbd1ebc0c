/** Azure Functions registration: the family feedback assets function (see src/app/handlers/survey.ts). */
import { registerWithAzure } from '../app/azure-register';
import { surveyAssetsFunction } from '../app/handlers/survey';

registerWithAzure(surveyAssetsFunction);
