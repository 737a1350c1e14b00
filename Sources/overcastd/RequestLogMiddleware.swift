import Foundation
import Hummingbird

/// Records every request with its final status, including ones that fail or match no route.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
  let log: RequestLog

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var request = request
    var keys: Int?
    if request.method == .post && request.uri.path == "/v1/licenses/validate" {
      // Collecting keeps the body readable for the route handler after we peek at it.
      let body = try await request.collectBody(upTo: 1 << 20)
      let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))
      keys = ((object as? [String: Any])?["keys"] as? [Any])?.count
    }
    let time = Date().formatted(.iso8601)
    do {
      let response = try await next(request, context)
      await log.record(
        .init(
          time: time, method: request.method.rawValue, path: request.uri.path,
          status: response.status.code, keys: keys))
      return response
    } catch {
      let status = (error as? any HTTPResponseError)?.status.code ?? 500
      await log.record(
        .init(
          time: time, method: request.method.rawValue, path: request.uri.path, status: status,
          keys: keys))
      throw error
    }
  }
}
