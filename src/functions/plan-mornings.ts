/** Azure Functions registration: the planner timer, every 15 minutes. */
import { registerWithAzure } from '../app/azure-register';
import { planMorningsFunction } from '../app/handlers/plan-mornings';

registerWithAzure(planMorningsFunction);
