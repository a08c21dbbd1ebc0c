// Key Vault for the feed key and the feedback forms' CSRF secret. Their values are set by an admin
// after deployment (az keyvault secret set --name hearth-feed-key ...), never written into a template.
param name string
param location string
param tenantId string
param principalId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

// Key Vault Secrets User.
resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, 'secrets-user')
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

output name string = vault.name
output feedKeySecretUri string = '${vault.properties.vaultUri}secrets/hearth-feed-key'
output feedbackCsrfSecretUri string = '${vault.properties.vaultUri}secrets/hearth-feedback-csrf-secret'
