// Hearth in Azure: one resource group holding the Function App (Flex Consumption), its storage
// (queues, timers, the deployment package), Cosmos DB (serverless, NoSQL, continuous backup), Key
// Vault for the secrets, Log Analytics and Application Insights with alerts, and the Azure Bot.
// Every service-to-service connection uses one user-assigned managed identity; no keys in settings.
// `azd up` deploys it (azure.yaml, main.parameters.json); docs/deploying.md walks through it.
targetScope = 'resourceGroup'

@description('Short name used in resource names, e.g. "hearth-contoso" (azd: the environment name).')
@minLength(3)
@maxLength(18)
param name string

@description('Azure region for everything. UK South keeps the data in the UK.')
param location string = 'uksouth'

@description('Entra tenant the bot and the feed tokens belong to (single tenant).')
param tenantId string = subscription().tenantId

@description('Link to a child in the case management system, with {caseId} where the case number goes.')
param caseRecordUrl string

@description('Who is emailed when an alert fires (the poison queue, the planner, 5xx answers).')
param alertEmail string

@description('How the case system proves itself to the feed: entra (tokens with the Feed.Write role), key (a shared key from Key Vault), or entra-or-key.')
@allowed(['entra', 'key', 'entra-or-key'])
param feedAuth string = 'entra'

@description('Client id of the Hearth API app registration that the feed tokens are for (docs/deploying.md). With feedAuth=key, any GUID.')
@minLength(36)
@maxLength(36)
param feedApiClientId string

@description('The Hearth API application ID URI, when it is not api://<feedApiClientId>.')
param feedAppIdUri string = ''

@description('How children are named in Teams messages.')
@allowed(['first-name-initial', 'initials', 'case-number'])
param childNameStyle string = 'first-name-initial'

@description('Whose bank holidays count as non-working days.')
@allowed(['england-and-wales', 'scotland', 'northern-ireland'])
param region string = 'england-and-wales'

@description('Install Hearth in Teams through Microsoft Graph for people it cannot reach yet (needs the Graph permission, see docs/deploying.md). Off: admins pre-install with a setup policy.')
param teamsInstall bool = false

@description('With teamsInstall: the app id from your org app catalogue (not the manifest id).')
param teamsAppCatalogId string = ''

@description('Days to keep outbox messages (the cards sent).')
@minValue(1)
param outboxRetentionDays int = 90

@description('Days to keep the activity log.')
@minValue(1)
param activityRetentionDays int = 400

@description('Days to keep family feedback.')
@minValue(1)
param feedbackRetentionDays int = 731

@description('Days to keep audits.')
@minValue(1)
param auditRetentionDays int = 2192

@description('Days after the feed marks a child closed before Hearth removes what it holds about them.')
@minValue(0)
param closedChildDays int = 30

@description('Cards sent a second by all instances together (one rate shared through Cosmos DB); Teams allows about 50 per tenant.')
@minValue(1)
@maxValue(50)
param sendRatePerSecond int = 45

@description('Most Function App instances Flex Consumption may run (40 is its lowest setting).')
@minValue(40)
param maximumInstanceCount int = 40

@description('Name of the council, shown to families on the feedback pages.')
param councilName string

@description('Front door phone number of children\'s services, shown on every feedback page.')
param frontDoorPhone string

@description('Out-of-hours phone number, shown on every feedback page.')
param outOfHoursPhone string

@description('Colour of the feedback pages header, #rrggbb (white text must read on it).')
param brandColour string = '#00566e'

@description('Signs the feedback forms. Leave it: each deployment makes a new one and keeps it in Key Vault.')
@secure()
param feedbackCsrfSecret string = newGuid()

var suffix = uniqueString(resourceGroup().id, name)
var tags = { 'azd-env-name': name, app: 'hearth' }
var deploymentContainer = 'app-package-${take(suffix, 8)}'

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: name, location: location, tags: tags }
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: { name: name, location: location, tags: tags }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${take(replace(name, '-', ''), 10)}${take(suffix, 8)}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    deploymentContainer: deploymentContainer
  }
}

module cosmos 'app/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    name: 'cosmos-${name}-${take(suffix, 6)}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    retentionDays: {
      outbox: outboxRetentionDays
      activity: activityRetentionDays
      feedback: feedbackRetentionDays
      audits: auditRetentionDays
    }
  }
}

module vault 'app/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${take(name, 12)}-${take(suffix, 6)}'
    location: location
    tags: tags
    tenantId: tenantId
    feedbackCsrfSecret: feedbackCsrfSecret
    principalId: identity.outputs.principalId
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  params: {
    name: 'func-${name}-${take(suffix, 6)}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainer: deploymentContainer
    appInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    // Every setting Hearth reads (src/config.ts; README "Settings"). A test keeps them in step.
    settings: {
      HEARTH_MODE: 'production'
      HEARTH_COSMOS_ENDPOINT: cosmos.outputs.endpoint
      HEARTH_COSMOS_DATABASE: cosmos.outputs.database
      AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
      HEARTH_FEED_AUTH: feedAuth
      HEARTH_FEED_TENANT_ID: tenantId
      HEARTH_FEED_CLIENT_ID: feedApiClientId
      HEARTH_FEED_APP_ID_URI: feedAppIdUri
      HEARTH_FEED_KEY: '@Microsoft.KeyVault(SecretUri=${vault.outputs.feedKeySecretUri})'
      HEARTH_HEALTH_KEY: '@Microsoft.KeyVault(SecretUri=${vault.outputs.healthKeySecretUri})'
      HEARTH_CASE_RECORD_URL: caseRecordUrl
      HEARTH_CHILD_NAME_STYLE: childNameStyle
      HEARTH_REGION: region
      HEARTH_BOT_APP_ID: identity.outputs.clientId
      HEARTH_BOT_TENANT_ID: tenantId
      HEARTH_BOT_APP_TYPE: 'UserAssignedMSI'
      HEARTH_TEAMS_INSTALL: teamsInstall ? 'true' : 'false'
      HEARTH_TEAMS_APP_CATALOG_ID: teamsAppCatalogId
      HEARTH_RETENTION_OUTBOX_DAYS: string(outboxRetentionDays)
      HEARTH_RETENTION_ACTIVITY_DAYS: string(activityRetentionDays)
      HEARTH_RETENTION_FEEDBACK_DAYS: string(feedbackRetentionDays)
      HEARTH_RETENTION_AUDITS_DAYS: string(auditRetentionDays)
      HEARTH_CLOSED_CHILD_DAYS: string(closedChildDays)
      HEARTH_SEND_RATE_PER_SECOND: string(sendRatePerSecond)
      // Read by @azure/identity (DefaultAzureCredential), not by Hearth: which identity to use.
      AZURE_CLIENT_ID: identity.outputs.clientId
      HEARTH_COUNCIL_NAME: councilName
      HEARTH_FRONT_DOOR_PHONE: frontDoorPhone
      HEARTH_OUT_OF_HOURS_PHONE: outOfHoursPhone
      HEARTH_BRAND_COLOUR: brandColour
      HEARTH_FEEDBACK_CSRF_SECRET: '@Microsoft.KeyVault(SecretUri=${vault.outputs.feedbackCsrfSecretUri})'
    }
  }
}

module bot 'app/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${name}-${take(suffix, 6)}'
    tags: tags
    tenantId: tenantId
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    endpoint: 'https://${functions.outputs.hostName}/api/messages'
  }
}

module diagnostics 'app/diagnostics.bicep' = {
  name: 'diagnostics'
  params: {
    workspaceId: monitoring.outputs.workspaceId
    functionAppName: functions.outputs.name
    cosmosAccountName: cosmos.outputs.name
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    botName: bot.outputs.name
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  params: {
    name: name
    location: location
    tags: tags
    alertEmail: alertEmail
    appInsightsId: monitoring.outputs.appInsightsId
  }
}

// Named like the settings the app reads, so a script (or azd env get-values) can copy them across.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenantId
output HEARTH_COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AzureWebJobsStorage__queueServiceUri string = storage.outputs.queueEndpoint
output FUNCTION_APP_NAME string = functions.outputs.name
output FUNCTION_APP_HOST string = functions.outputs.hostName
output BOT_APP_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output KEY_VAULT_NAME string = vault.outputs.name
