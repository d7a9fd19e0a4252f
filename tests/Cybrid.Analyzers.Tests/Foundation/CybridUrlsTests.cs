using Cybrid.Analyzers.Internal;
using Xunit;

namespace Cybrid.Analyzers.Tests.Foundation
{
    public class CybridUrlsTests
    {
        [Theory]
        [InlineData("https://bank.sandbox.cybrid.app/api/quotes", "https", "bank.sandbox.cybrid.app")]
        [InlineData("HTTP://User:Pass@Example.COM:8080/x?y#z", "http", "example.com")]
        [InlineData("http://[::1]:5000/", "http", "::1")]
        [InlineData("ws://stream.example.com", "ws", "stream.example.com")]
        [InlineData("http://", "http", "")]
        public void TryParseAbsolute_ReadsSchemeAndHost(string url, string scheme, string host)
        {
            Assert.True(CybridUrls.TryParseAbsolute(url, out var actualScheme, out var actualHost));
            Assert.Equal(scheme, actualScheme);
            Assert.Equal(host, actualHost);
        }

        [Theory]
        [InlineData("/api/quotes")]
        [InlineData("api.example.com")]
        [InlineData("1http://x")]
        [InlineData("see http://x")]
        public void TryParseAbsolute_RejectsRelativeOrProse(string text)
        {
            Assert.False(CybridUrls.TryParseAbsolute(text, out _, out _));
        }

        [Theory]
        [InlineData("bank.sandbox.cybrid.app", "Bank", "sandbox")]
        [InlineData("bank.production.cybrid.app", "Bank", "production")]
        [InlineData("id.staging.cybrid.app", "Identity", "staging")]
        [InlineData("organization.sandbox.cybrid.app", "Organization", "sandbox")]
        [InlineData("api.cybrid.app", "Other", "")]
        [InlineData("cybrid.app", "Other", "")]
        [InlineData("notcybrid.app", "None", "")]
        [InlineData("bank.sandbox.cybrid.app.evil.com", "None", "")]
        [InlineData("cybrid.com", "None", "")]
        public void Classify_RecognisesCybridHosts(string host, string service, string environment)
        {
            Assert.Equal(service, CybridUrls.Classify(host, out var actualEnvironment).ToString());
            Assert.Equal(environment, actualEnvironment);
        }

        [Theory]
        [InlineData("localhost", true)]
        [InlineData("api.localhost", true)]
        [InlineData("127.0.0.1", true)]
        [InlineData("127.255.3.4", true)]
        [InlineData("::1", true)]
        [InlineData("127.example.com", false)]
        [InlineData("10.0.0.1", false)]
        [InlineData("localhost.example.com", false)]
        public void IsLoopback_KnowsTheLoopbackRange(string host, bool expected)
        {
            Assert.Equal(expected, CybridUrls.IsLoopback(host));
        }

        [Theory]
        [InlineData("internal.corp", "internal.corp", true)]
        [InlineData("INTERNAL.corp", "internal.CORP", true)]
        [InlineData("a.mesh.local", "*.mesh.local", true)]
        [InlineData("mesh.local", "*.mesh.local", true)]
        [InlineData("a.b.mesh.local", ".mesh.local", true)]
        [InlineData("evilmesh.local", "*.mesh.local", false)]
        [InlineData("internal.corp.example.com", "internal.corp", false)]
        public void MatchesHostPattern_ExactOrDomain(string host, string pattern, bool expected)
        {
            Assert.Equal(expected, CybridUrls.MatchesHostPattern(host, pattern));
        }
    }
}
