# Run: python3 bt_sandwich.py > bt_sandwich.json (scipy 1.17.1, numpy 2.4.6).
# Independent reference for RAQ's Bradley-Terry sandwich intervals: scipy fit of the BT log-likelihood, then the
# sandwich covariance the way lmarena/arena-rank (arena_rank/models/bradley_terry.py) computes it.
import json, math
import numpy as np
from scipy.optimize import minimize
from scipy.stats import norm

players = ["a", "b", "c", "d"]
# (A, B, score of A) ; 1 = A wins, 0.5 = tie, 0 = B wins
battles = []
def add(a, b, s, n):
    battles.extend([(a, b, s)] * n)
add("a", "b", 1, 7); add("a", "b", 0, 3); add("a", "b", 0.5, 2)
add("a", "c", 1, 8); add("a", "c", 0, 2)
add("b", "c", 1, 6); add("b", "c", 0, 5); add("b", "c", 0.5, 1)
add("c", "d", 1, 9); add("c", "d", 0, 4)
add("b", "d", 1, 5); add("b", "d", 0, 1)
add("d", "a", 1, 2); add("d", "a", 0, 6)
k = len(players); idx = {p: i for i, p in enumerate(players)}
A = np.array([idx[a] for a, _, _ in battles]); B = np.array([idx[b] for _, b, _ in battles])
S = np.array([s for _, _, s in battles], dtype=float)
def nll(t):
    d = t[A] - t[B]
    return -np.sum(S * d - np.logaddexp(0, d))
def grad(t):
    d = t[A] - t[B]; p = 1 / (1 + np.exp(-d)); r = S - p
    g = np.zeros(k); np.add.at(g, A, -r); np.add.at(g, B, r); return g
res = minimize(nll, np.zeros(k), jac=grad, method="BFGS", options={"gtol": 1e-13, "maxiter": 10000})
t = res.x - res.x.mean()
d = t[A] - t[B]; p = 1 / (1 + np.exp(-d))
H = np.zeros((k, k)); M = np.zeros((k, k))
for i in range(len(battles)):
    x = np.zeros(k); x[A[i]] = 1; x[B[i]] = -1
    H += p[i] * (1 - p[i]) * np.outer(x, x)
    M += (S[i] - p[i]) ** 2 * np.outer(x, x)
H += np.eye(k) * 1e-5 * len(battles)
Hi = np.linalg.inv(H); C = Hi @ M @ Hi
alpha = 400 / math.log(10)
se = np.sqrt(np.diag(C)) * alpha
z = norm.ppf(0.975)
ratings = 1000 + alpha * t
out = {"source": "scipy BFGS fit + sandwich as lmarena/arena-rank computes it (this script)",
       "players": players, "battles": [[a, b, s] for a, b, s in battles],
       "ratings": ratings.tolist(), "standard_errors": se.tolist(),
       "lower": (ratings - z * se).tolist(), "upper": (ratings + z * se).tolist()}
print(json.dumps(out, indent=1))
