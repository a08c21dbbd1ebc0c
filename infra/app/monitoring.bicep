// Log Analytics and Application Insights. Logs carry ids, never children's names or free text;
// they are kept 90 days.
param name string
param location string
param tags object = {}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}'
  location: location
  tags: tags
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 90 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  tags: tags
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id, DisableLocalAuth: false }
}

output connectionString string = insights.properties.ConnectionString
output workspaceId string = logs.id
output appInsightsId string = insights.id
