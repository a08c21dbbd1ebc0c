/** Azure Functions registration: the weekly digest planner. */
import { registerWithAzure } from '../app/azure-register';
import { planDigestsFunction } from '../app/handlers/plan-digests';

registerWithAzure(planDigestsFunction);
