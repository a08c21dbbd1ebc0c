// Cosmos DB for NoSQL, serverless, with Hearth's database and containers. Local (key) auth is off;
// the Function App's identity gets the built-in data contributor role, which cannot create
// containers, so they are declared here. Keep this list in step with src/store/containers.ts
// (a test checks it).
param name string
param location string
param principalId string
param database string = 'hearth'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: name
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [{ name: 'EnableServerless' }]
    locations: [{ locationName: location, failoverPriority: 0 }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource db 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: database
  properties: { resource: { id: database } }
}

var containers = [
  { id: 'people', partitionKey: '/teamId', ttl: -1 }
  { id: 'children', partitionKey: '/teamId', ttl: -1 }
  { id: 'events', partitionKey: '/teamId', ttl: -1 }
  { id: 'outbox', partitionKey: '/recipientId', ttl: 7776000 }
  { id: 'audits', partitionKey: '/teamId', ttl: -1 }
  { id: 'feedback', partitionKey: '/teamId', ttl: -1 }
  { id: 'activity', partitionKey: '/teamId', ttl: 34560000 }
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

output endpoint string = account.properties.documentEndpoint
output database string = database
