// The Azure Bot registration: single-tenant, authenticated as the user-assigned identity, with the
// Teams channel on. Its messaging endpoint is the Function App's /api/messages.
param name string
param tags object = {}
param tenantId string
param identityId string
param identityClientId string
param endpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Hearth'
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel', properties: { isEnabled: true } }
}

output name string = bot.name
