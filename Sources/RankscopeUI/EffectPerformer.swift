import RankscopeEngine

/// Carries out the explorer's effects: the one place that says what each `Effect` does.
///
/// The terminal's `SearchWorker` runs the effects with a `lane` on a background queue (through `perform`), the
/// run loop the others (a completion, which takes microseconds, a save, quit); tests and `SessionPlayer` run them
/// all at once with `run`. A new effect is added here: its work in `perform`, and its lane (or none) in `lane`.
public struct EffectPerformer: Sendable {
  /// Work that is not on the search service (saving something, say): returns the actions it delivers.
  public typealias SideEffectHandler = @Sendable (Effect) -> [Action]

  /// Background work of one lane replaces the work of that lane still waiting to run, so only the latest search
  /// (or comparison, or explanation) waits.
  public enum Lane: Hashable, Sendable {
    case search, comparison, explanation
    /// Side B's search and explanations in the compare view.
    case compareSearch, compareExplanation
    /// Whole-set and cohort evaluations (seconds long: the terminal runs them on a queue of their own).
    case evaluation
    /// The search without personalization behind the lift column.
    case liftSearch
    /// Live recomputes of the user's profile.
    case profile
    /// Refinements of the query (several searches each: the terminal runs them on a queue of their own, so typing
    /// and searching never wait behind them).
    case refinement
  }

  /// The service searches, comparisons and explanations run on.
  public var service: any SearchService
  /// What carries out effects that are not work on `service`; without one they deliver nothing.
  public var sideEffects: SideEffectHandler?
  /// The walker over the engagement graph recommendations use (nil: no walk candidates).
  public var walker: PixieWalker?

  /// Creates a performer.
  public init(service: any SearchService, sideEffects: SideEffectHandler? = nil, walker: PixieWalker? = nil) {
    self.service = service
    self.sideEffects = sideEffects
    self.walker = walker
  }

  /// The background lane of `effect`, or nil for an effect the run loop carries out itself (`quit`, side effects,
  /// completions).
  public static func lane(of effect: Effect) -> Lane? {
    switch effect {
    case .search, .recommend: return .search
    case .compare: return .comparison
    case .explain, .explainRecommendation: return .explanation
    case .compareSearch: return .compareSearch
    case .compareExplain: return .compareExplanation
    case .evaluateSet, .evaluateCohort: return .evaluation
    case .liftSearch: return .liftSearch
    case .rebuildProfile: return .profile
    case .refine: return .refinement
    // Completions take microseconds: the run loop carries them out itself, right after submitting the search.
    case .complete, .saveJudgment, .quit: return nil
    }
  }

  /// Carries out `effect` now and returns the actions it delivers (a finished search, …); never throws.
  ///
  /// `quit` delivers nothing here (the run loop or player stops on it).
  public func perform(_ effect: Effect) -> [Action] {
    switch effect {
    case .search(let request, let generation):
      return [.searchCompleted(generation: generation, result: performSearch(request, using: service))]
    case .compare(let request, let first, let second, let generation):
      return [.comparisonCompleted(generation: generation, result: performComparison(request, first, second, using: service))]
    case .explain(let request, let id, let generation):
      return [.explanationCompleted(generation: generation, id: id, result: performExplanation(request, id: id, using: service))]
    case .compareSearch(let request, let generation):
      return [.compareSearchCompleted(generation: generation, result: performSearch(request, using: service))]
    case .compareExplain(let request, let id, let generation):
      return [.compareExplanationCompleted(generation: generation, id: id,
                                           result: performExplanation(request, id: id, using: service))]
    case .evaluateSet(let job, let generation):
      return [.setEvaluationCompleted(generation: generation, result: performSetEvaluation(job, using: service))]
    case .liftSearch(let request, let generation):
      return [.liftSearchCompleted(generation: generation, result: performSearch(request, using: service))]
    case .rebuildProfile(let profile, let hidden, let generation):
      return [.profileRebuilt(generation: generation, result: performProfileRebuild(profile, hiding: hidden, using: service))]
    case .evaluateCohort(let job, let generation):
      return [.cohortCompleted(generation: generation, result: performCohort(job, using: service))]
    case .recommend(let query, let generation):
      return [.searchCompleted(generation: generation, result: performRecommendation(query, walker: walker, using: service))]
    case .explainRecommendation(let query, let id, let generation):
      let result = performRecommendation(query, walker: walker, using: service).flatMap { outcome in
        outcome.response.hits.first { $0.id == id }?.explanation.map { Result.success($0) }
          ?? .failure(SearchFailure(message: "\(id) is no longer among the recommendations"))
      }
      return [.explanationCompleted(generation: generation, id: id, result: result)]
    case .complete(let prefix, let user, let k):
      return [.completionsArrived(prefix: prefix, result: performCompletion(prefix, user: user, k: k, using: service))]
    case .refine(let query, let user, let k, let generation):
      return [.refinementsCompleted(generation: generation, result: performRefinements(query, user: user, k: k, using: service))]
    case .saveJudgment:
      return sideEffects?(effect) ?? []
    case .quit:
      return []
    }
  }

  /// A side-effect handler that stores each rating (`Effect.saveJudgment`) with `save` and reports a failure as
  /// `Action.judgmentSaveFailed`. Effects without a lane run on the run loop's own thread, so `save` (say, a
  /// `JudgmentStore`'s `record`) is only ever called from there.
  public static func savingJudgments(with save: @escaping (JudgmentEdit) throws -> Void) -> SideEffectHandler {
    let saver = JudgmentSaver(save: save)
    return { effect in
      guard case .saveJudgment(let edit) = effect else { return [] }
      do {
        try saver.save(edit)
        return []
      } catch {
        return [.judgmentSaveFailed(edit, message: "\(error)")]
      }
    }
  }

  /// Applies `action` to `state` and carries out, at once, its effects and those of every action they deliver,
  /// as if each background job finished before the next key; returns the effects `action` itself asked for.
  ///
  /// `adjust` sees each delivered action before it is reduced (tests pin the timings in it). At most
  /// `maximumRounds` rounds of deliveries are followed, so a reducer that kept asking could not hang a replay.
  @discardableResult
  public func run(_ action: Action, on state: inout AppState, adjust: (Action) -> Action = { $0 },
                  maximumRounds: Int = 64) -> [Effect] {
    let first = reduce(&state, action)
    var effects = first
    var round = 0
    while !effects.isEmpty, round < maximumRounds {
      round += 1
      var next: [Effect] = []
      for effect in effects {
        for delivered in perform(effect) { next += reduce(&state, adjust(delivered)) }
      }
      effects = next
    }
    return first
  }
}

/// The saving closure of `EffectPerformer.savingJudgments`. `@unchecked Sendable`: called only from the thread
/// that runs effects without a lane (the run loop, or a player).
private final class JudgmentSaver: @unchecked Sendable {
  let save: (JudgmentEdit) throws -> Void
  init(save: @escaping (JudgmentEdit) throws -> Void) { self.save = save }
}
