using Cybrid.Analyzers.Internal;
using Xunit;

namespace Cybrid.Analyzers.Tests.Foundation
{
    public class SecretMaskTests
    {
        [Theory]
        [InlineData("sk_live_4f9a8b7c6d5e4f3a", "sk… (24 chars)")]
        [InlineData("12345678", "12… (8 chars)")]
        [InlineData("short", "… (5 chars)")]
        [InlineData("x", "… (1 char)")]
        [InlineData("", "… (0 chars)")]
        [InlineData(null, "null")]
        public void Mask_ShowsAtMostTwoCharactersAndTheLength(string? value, string expected)
        {
            Assert.Equal(expected, SecretMask.Mask(value));
        }

        [Fact]
        public void Mask_NeverContainsTheSecret()
        {
            const string secret = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiYW5rIn0.c2lnbmF0dXJl";
            var masked = SecretMask.Mask(secret);
            Assert.DoesNotContain(secret.Substring(2, 6), masked);
        }
    }
}
