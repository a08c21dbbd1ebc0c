// Cosmos DB for NoSQL, serverless, with Hearth's database and containers. Local (key) auth is off;
// the Function App's identity gets the built-in data contributor role, which cannot create
// containers, so they are declared here. Keep this list in step with src/store/containers.ts
// (a test checks it). Operational containers expire items by time-to-live, counted from each
// item's last change; continuous backup allows a restore to any point in the last 7 days.
param name string
param location string
param tags object = {}
param principalId string
param database string = 'hearth'
@description('Days to keep each kind of operational data: outbox, activity, feedback, audits.')
param retentionDays object

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [{ name: 'EnableServerless' }]
    locations: [{ locationName: location, failoverPriority: 0 }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource db 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: database
  properties: { resource: { id: database } }
}

var day = 86400
var containers = [
  { id: 'people', partitionKey: '/teamId', ttl: -1 }
  { id: 'children', partitionKey: '/teamId', ttl: -1 }
  { id: 'events', partitionKey: '/teamId', ttl: -1 }
  { id: 'outbox', partitionKey: '/recipientId', ttl: retentionDays.outbox * day }
  { id: 'audits', partitionKey: '/teamId', ttl: retentionDays.audits * day }
  { id: 'feedback', partitionKey: '/teamId', ttl: retentionDays.feedback * day }
  { id: 'activity', partitionKey: '/teamId', ttl: retentionDays.activity * day }
]

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for c in containers: {
    parent: db
    name: c.id
    properties: {
      resource: {
        id: c.id
        partitionKey: { paths: [c.partitionKey], kind: 'Hash' }
        defaultTtl: c.ttl
      }
    }
  }
]

// Built-in "Cosmos DB Built-in Data Contributor".
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, principalId, 'data-contributor')
  properties: {
    principalId: principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    scope: account.id
  }
}

output name string = account.name
output endpoint string = account.properties.documentEndpoint
output database string = database
