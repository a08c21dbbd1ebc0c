// Hearth in Azure: one resource group holding the Function App, its storage (queues), Cosmos DB
// (serverless, NoSQL), Key Vault for the feed key, Application Insights, and the Azure Bot.
// Every service-to-service connection uses the Function App's managed identity; no keys in settings.
targetScope = 'resourceGroup'

@description('Short name used in resource names, e.g. "hearth-contoso".')
@minLength(3)
@maxLength(18)
param name string

@description('Azure region for everything.')
param location string = resourceGroup().location

@description('Entra tenant the bot belongs to (single-tenant bot).')
param tenantId string = subscription().tenantId

@description('Link to a child in the case management system, with {caseId} where the case number goes.')
param caseRecordUrl string

@description('How children are named in Teams messages.')
@allowed(['first-name-initial', 'initials', 'case-number'])
param childNameStyle string = 'first-name-initial'

@description('Whose bank holidays count as non-working days.')
@allowed(['england-and-wales', 'scotland', 'northern-ireland'])
param region string = 'england-and-wales'

@description('Name of the council, shown to families on the feedback pages.')
param councilName string

@description('Front door phone number of children\'s services, shown on every feedback page.')
param frontDoorPhone string

@description('Out-of-hours phone number, shown on every feedback page.')
param outOfHoursPhone string

@description('Colour of the feedback pages header, #rrggbb (white text must read on it).')
param brandColour string = '#00566e'

var suffix = uniqueString(resourceGroup().id, name)

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: name, location: location }
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: { name: name, location: location }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: { name: 'st${take(replace(name, '-', ''), 10)}${take(suffix, 8)}', location: location, principalId: identity.outputs.principalId }
}

module cosmos 'app/cosmos.bicep' = {
  name: 'cosmos'
  params: { name: 'cosmos-${name}-${take(suffix, 6)}', location: location, principalId: identity.outputs.principalId }
}

module vault 'app/keyvault.bicep' = {
  name: 'keyvault'
  params: { name: 'kv-${take(name, 12)}-${take(suffix, 6)}', location: location, tenantId: tenantId, principalId: identity.outputs.principalId }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  params: {
    name: 'func-${name}-${take(suffix, 6)}'
    location: location
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    appInsightsConnectionString: monitoring.outputs.connectionString
    settings: {
      HEARTH_MODE: 'production'
      HEARTH_COSMOS_ENDPOINT: cosmos.outputs.endpoint
      HEARTH_COSMOS_DATABASE: cosmos.outputs.database
      AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
      HEARTH_FEED_KEY: '@Microsoft.KeyVault(SecretUri=${vault.outputs.feedKeySecretUri})'
      HEARTH_CASE_RECORD_URL: caseRecordUrl
      HEARTH_CHILD_NAME_STYLE: childNameStyle
      HEARTH_REGION: region
      AZURE_CLIENT_ID: identity.outputs.clientId
      HEARTH_BOT_APP_ID: identity.outputs.clientId
      HEARTH_BOT_TENANT_ID: tenantId
      HEARTH_BOT_APP_TYPE: 'UserAssignedMSI'
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
    tenantId: tenantId
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    endpoint: 'https://${functions.outputs.hostName}/api/messages'
  }
}

// Named like the settings the app reads, so a deployment script can copy them across.
output HEARTH_COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AzureWebJobsStorage__queueServiceUri string = storage.outputs.queueEndpoint
output FUNCTION_APP_HOST string = functions.outputs.hostName
output BOT_APP_ID string = identity.outputs.clientId
output KEY_VAULT_NAME string = vault.outputs.name
