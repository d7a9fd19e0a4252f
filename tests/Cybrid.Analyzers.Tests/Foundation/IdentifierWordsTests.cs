using Cybrid.Analyzers.Internal;
using Xunit;

namespace Cybrid.Analyzers.Tests.Foundation
{
    public class IdentifierWordsTests
    {
        [Theory]
        [InlineData("ClientSecret", "secret")]
        [InlineData("client_secret", "secret")]
        [InlineData("CLIENT_SECRET", "clientsecret")]
        [InlineData("clientSecret", "clientsecret")]
        [InlineData("apiKey", "apikey")]
        [InlineData("ApiKeyValue", "apikey")]
        [InlineData("apikey", "apikey")]
        [InlineData("X-Api-Key", "apikey")]
        [InlineData("WebhookSecrets", "secret")]
        [InlineData("HTTPClientSecret", "clientsecret")]
        [InlineData("Cybrid:ClientSecret", "clientsecret")]
        [InlineData("signing.key", "signingkey")]
        public void Contains_MatchesRunsOfWords(string identifier, string pattern)
        {
            Assert.True(IdentifierWords.Contains(identifier, pattern));
        }

        [Theory]
        [InlineData("secretary", "secret")]
        [InlineData("machine", "mac")]
        [InlineData("originalValue", "origin")]
        [InlineData("Ghost", "host")]
        [InlineData("apis", "apikey")]
        [InlineData("", "secret")]
        [InlineData(null, "secret")]
        public void Contains_DoesNotMatchInsideWords(string? identifier, string pattern)
        {
            Assert.False(IdentifierWords.Contains(identifier, pattern));
        }

        [Theory]
        [InlineData("BaseUrl", "url", true)]
        [InlineData("baseURL", "url", true)]
        [InlineData("CallbackUris", "uri", true)]
        [InlineData("UrlBuilder", "url", false)]
        [InlineData("ApiHost", "host", true)]
        [InlineData("Ghost", "host", false)]
        [InlineData("HttpClientBaseAddress", "baseaddress", true)]
        public void EndsWith_MatchesTheLastWords(string identifier, string pattern, bool expected)
        {
            Assert.Equal(expected, IdentifierWords.EndsWith(identifier, pattern));
        }

        [Theory]
        [InlineData("ClientSecret", "CLIENT_SECRET")]
        [InlineData("clientSecret", "CLIENT_SECRET")]
        [InlineData("_apiKey", "API_KEY")]
        [InlineData("webhook-signing.key", "WEBHOOK_SIGNING_KEY")]
        [InlineData("HMACKey", "HMAC_KEY")]
        [InlineData("Key2", "KEY_2")]
        public void ToUpperSnakeCase_SplitsOnWordParts(string identifier, string expected)
        {
            Assert.Equal(expected, IdentifierWords.ToUpperSnakeCase(identifier));
        }

        [Theory]
        [InlineData("client_secret", "ClientSecret")]
        [InlineData("_apiKey", "ApiKey")]
        [InlineData("SIGNING_KEY", "SigningKey")]
        public void ToPascalCase_JoinsWordParts(string identifier, string expected)
        {
            Assert.Equal(expected, IdentifierWords.ToPascalCase(identifier));
        }

        [Theory]
        [InlineData("clientSecret", "secret", true)]
        [InlineData("CLIENT_SECRET", "clientsecret", true)]
        [InlineData("x_sig_nature", "signature", true)]
        [InlineData("bodyDi_gest", "digest", true)]
        [InlineData("HMac2", "mac", true)]
        [InlineData("sku", "secret", false)]
        [InlineData("_signature", "signature", true)]
        [InlineData("status", "sig", false)]
        public void ContainsIgnoringSeparators_IsTheLetterRunEveryWordMatchNeeds(string identifier, string pattern, bool expected)
        {
            Assert.Equal(expected, IdentifierWords.ContainsIgnoringSeparators(identifier, pattern));

            // a word match is never found where the letter run is missing
            if (!expected)
            {
                Assert.False(IdentifierWords.Contains(identifier, pattern));
            }
        }
    }
}
