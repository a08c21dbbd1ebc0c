// Alerts to the on-call email, from Application Insights' record of every function run:
// - a message landed in the poison queue: the outbox-poison function ran at all (it drains
//   hearth-outbox-poison as messages arrive, so its runs are the queue's depth above 0);
// - Teams refused the bot's credentials or permission, or messages went stale (delivery's logs);
// - the planners failed: a plan-mornings or plan-digests run ended in an error;
// - 5xx answers: more than 5% of HTTP requests in 15 minutes (at least 20 of them) answered 5xx.
// Function names here must match src/app/handlers (a test checks them).
param name string
param location string
param tags object = {}
param alertEmail string
param appInsightsId string

resource onCall 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('hearth', 12)
    enabled: true
    emailReceivers: [{ name: 'on-call', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

var rules = [
  {
    id: 'poison-queue'
    displayName: 'Hearth: a message landed in the poison queue'
    description: 'Sending a message kept failing (5 tries, usually the store out of reach); outbox-poison put it back on the queue (or marked it stale) and recorded it. See docs/deploying.md, "Watching Hearth".'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'requests | where name == "outbox-poison"'
  }
  {
    id: 'send-credentials'
    displayName: 'Hearth: Teams refused the bot credentials or permission'
    description: 'Teams answered 401 or 403 (not a blocked person), or no token could be had for the bot identity: no card goes until it is fixed; nothing is lost, they are retried.'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'traces | where message startswith "delivery: credential or permission fault"'
  }
  {
    id: 'stale-messages'
    displayName: 'Hearth: messages not delivered before their day ended'
    description: 'Teams did not take some messages all day (an outage, or long throttling); they are marked stale and managers see who in the digest.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT1H'
    query: 'traces | where message startswith "delivery: not delivered before its day ended"'
  }
  {
    id: 'planner-failures'
    displayName: 'Hearth: the morning or digest planner failed'
    description: 'A plan-mornings or plan-digests run ended in an error: people may not get their card today.'
    severity: 1
    frequency: 'PT15M'
    window: 'PT1H'
    query: 'requests | where name in ("plan-mornings", "plan-digests") and success == false'
  }
  {
    id: 'http-5xx'
    displayName: 'Hearth: many 5xx answers'
    description: 'More than 5% of HTTP requests (feed, bot, health) answered 5xx in 15 minutes.'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'requests | where name in ("feed", "messages", "health") | summarize total = count(), errors = countif(toint(resultCode) >= 500) | where total >= 20 and errors * 100.0 / total > 5'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: 'alert-${name}-${rule.id}'
    location: location
    tags: tags
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [appInsightsId]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      autoMitigate: true
      actions: { actionGroups: [onCall.id] }
    }
  }
]
