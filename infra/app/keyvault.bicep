// Key Vault for Hearth's secrets. Two are set by an admin after deployment (docs/deploying.md):
//   hearth-feed-key    the shared feed key, only when feedAuth is key or entra-or-key
//   hearth-health-key  the key that shows /api/health's detail to the on-call team
// A reference to a secret not set yet reaches the app as its own text, which Hearth treats as unset.
// One is made here, because the feedback forms need it from the first request:
//   hearth-feedback-csrf-secret  signs the forms' CSRF tokens (a new one each deployment, which asks
//   a family in the middle of a form to send that page again)
param name string
param location string
param tags object = {}
param tenantId string
param principalId string
@secure()
param feedbackCsrfSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
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

resource csrfSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'hearth-feedback-csrf-secret'
  properties: { value: feedbackCsrfSecret }
}

output name string = vault.name
output feedKeySecretUri string = '${vault.properties.vaultUri}secrets/hearth-feed-key'
output healthKeySecretUri string = '${vault.properties.vaultUri}secrets/hearth-health-key'
output feedbackCsrfSecretUri string = '${vault.properties.vaultUri}secrets/hearth-feedback-csrf-secret'
