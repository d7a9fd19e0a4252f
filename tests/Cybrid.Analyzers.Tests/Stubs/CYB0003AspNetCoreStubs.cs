namespace Cybrid.Analyzers.Tests.Stubs
{
    /// <summary>
    /// The parts of ASP.NET Core a webhook receiver touches, with their real namespaces and names (the net8.0
    /// reference pack has no ASP.NET Core): <c>StringValues</c> (with its equality operators), <c>IHeaderDictionary</c>,
    /// <c>HttpRequest</c>/<c>HttpContext</c>, <c>Results</c>, <c>[FromHeader]</c>/<c>[FromBody]</c>, <c>ControllerBase</c>
    /// and a <c>MapPost</c> for minimal APIs. Written in C# 7.3 so every language-version test can use it.
    /// </summary>
    internal static class CYB0003AspNetCoreStubs
    {
        public const string Source = @"
namespace Microsoft.Extensions.Primitives
{
    using System.Collections;
    using System.Collections.Generic;

    public readonly struct StringValues : IEnumerable<string>, System.IEquatable<StringValues>, System.IEquatable<string>
    {
        public static readonly StringValues Empty = default(StringValues);
        private readonly string[] _values;

        public StringValues(string value) { _values = value == null ? null : new[] { value }; }
        public StringValues(string[] values) { _values = values; }

        public int Count { get { return _values == null ? 0 : _values.Length; } }
        public string this[int index] { get { return _values[index]; } }

        public static implicit operator StringValues(string value) { return new StringValues(value); }
        public static implicit operator string(StringValues values) { return values._values == null || values._values.Length == 0 ? null : string.Join("","", values._values); }
        public static implicit operator string[](StringValues values) { return values._values; }

        public static bool operator ==(StringValues left, StringValues right) { return left.Equals(right); }
        public static bool operator !=(StringValues left, StringValues right) { return !left.Equals(right); }
        public static bool operator ==(StringValues left, string right) { return left.Equals(right); }
        public static bool operator !=(StringValues left, string right) { return !left.Equals(right); }
        public static bool operator ==(string left, StringValues right) { return right.Equals(left); }
        public static bool operator !=(string left, StringValues right) { return !right.Equals(left); }

        public static bool IsNullOrEmpty(StringValues value) { return value.Count == 0 || string.IsNullOrEmpty(value[0]); }
        public bool Equals(StringValues other) { return (string)this == (string)other; }
        public bool Equals(string other) { return (string)this == other; }
        public override bool Equals(object obj) { return obj is StringValues && Equals((StringValues)obj); }
        public override int GetHashCode() { return 0; }
        public override string ToString() { return (string)this ?? string.Empty; }
        public string[] ToArray() { return _values ?? new string[0]; }
        public IEnumerator<string> GetEnumerator() { return ((IEnumerable<string>)ToArray()).GetEnumerator(); }
        IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
    }
}

namespace Microsoft.AspNetCore.Http
{
    using System.Collections.Generic;
    using System.IO;
    using Microsoft.Extensions.Primitives;

    public interface IHeaderDictionary : IDictionary<string, StringValues>
    {
        new StringValues this[string key] { get; set; }
    }

    public abstract class HttpRequest
    {
        public abstract IHeaderDictionary Headers { get; }
        public abstract Stream Body { get; set; }
        public abstract string Method { get; set; }
    }

    public abstract class HttpContext
    {
        public abstract HttpRequest Request { get; }
    }

    public interface IResult { }

    public static class Results
    {
        public static IResult Ok() { return null; }
        public static IResult Unauthorized() { return null; }
        public static IResult BadRequest() { return null; }
    }
}

namespace Microsoft.AspNetCore.Builder
{
    public interface IEndpointRouteBuilder { }

    public static class EndpointRouteBuilderExtensions
    {
        public static object MapPost(this IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) { return null; }
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    using System;
    using Microsoft.AspNetCore.Http;

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public sealed class FromHeaderAttribute : Attribute
    {
        public string Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public sealed class FromBodyAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class ApiControllerAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class RouteAttribute : Attribute
    {
        public RouteAttribute(string template) { }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpPostAttribute : Attribute
    {
        public HttpPostAttribute() { }
        public HttpPostAttribute(string template) { }
    }

    public interface IActionResult { }

    public abstract class ControllerBase
    {
        public HttpContext HttpContext { get; set; }
        public HttpRequest Request { get { return HttpContext.Request; } }
        public IActionResult Ok() { return null; }
        public IActionResult Unauthorized() { return null; }
        public IActionResult BadRequest() { return null; }
    }
}
";
    }
}
