/*
 * Calibration benchmark: player profiles against Stockfish's UCI_Elo scale.
 * Each profile plays a match against Stockfish (UCI_LimitStrength true,
 * UCI_Elo set to the anchor, one thread, a fixed node budget per move) or
 * against another profile, over the opening book with both colours, and
 * the profile's rating is the anchor plus the Elo difference of its score,
 * with a 95% interval from the per-game score variance.
 *
 * The profile plays in this process exactly as in an exhibition or over
 * UCI (think_new with a seed derived from the game, no time limit), so its
 * strength does not depend on the machine's load; Stockfish gets nodes, not
 * time, for the same reason (its UCI_Elo weakening picks its move at a fixed
 * depth, which those nodes reach). The game rules (mate, threefold,
 * fifty moves, dead positions) are the engine's own; a game still going
 * after --max-plies is a draw. Games are spread over --workers processes,
 * each with its own Stockfish.
 *
 * usage: perf_calibrate [-g games] [-w workers] [-n sf_nodes] [-s seed]
 *                       [-m max_plies] [-r random_plies] [-e stockfish]
 *                       PROFILE:OPPONENT ...
 *   OPPONENT is sf:ELO (Stockfish at UCI_Elo ELO) or a profile; a profile is a
 *   name or nodes=N[/soft=N][/noise=CP][/blunder=PERMILLE][/depth=D] for
 *   trying budgets.
 *   e.g. perf_calibrate -g 60 master:sf:2000 club:sf:1500 beginner:club
 *
 * -r adds that many random plies after each book line (the same for both
 * colours of a pair): noise-free players such as master would otherwise
 * play only 32 distinct games. With -e naming another build's `simul uci`
 * (a script that runs it) and an sf:ELO nearest that profile's rating,
 * the match is a self-play test of a search change: the opponent plays
 * the profile over UCI (UCI_Elo picks the nearest profile, which plays
 * exactly as in an exhibition), e.g.
 *   perf_calibrate -g 640 -r 4 -e ./old-simul-uci master:sf:1918
 * prints master's rating as 1918 plus its lead over the old build.
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/book.h"
#include "engine/movegen.h"
#include "engine/notation.h"
#include "engine/player.h"
#include "engine/search.h"
#include "sim/realtime.h"

struct cal_opts {
	int		games;
	int		workers;
	long		sf_nodes;
	uint64_t	seed;
	int		max_plies;
	int		random_plies;	/* after the book line, from the pair's seed */
	const char	*stockfish;
};

struct cal_pair {
	const struct player_profile	*pr;
	const struct player_profile	*vs;	/* NULL: Stockfish at sf_elo */
	int				 sf_elo;
};

/* What one worker sends back: counts from the profile's side and its think cost. */
struct cal_tally {
	long	w, d, l, capped;
	long	moves;		/* the profile's moves */
	double	cpu;		/* seconds the profile thought */
};

struct cal_sf {
	pid_t	pid;
	FILE	*in;
	FILE	*out;
};

static int
cal_sf_start(struct cal_sf *sf, const char *path, int elo)
{
	int to[2], from[2];

	if (pipe(to) != 0 || pipe(from) != 0)
		return -1;
	sf->pid = fork();
	if (sf->pid < 0)
		return -1;
	if (sf->pid == 0) {
		dup2(to[0], STDIN_FILENO);
		dup2(from[1], STDOUT_FILENO);
		close(to[0]);
		close(to[1]);
		close(from[0]);
		close(from[1]);
		execlp(path, path, (char *)NULL);
		_exit(127);
	}
	close(to[0]);
	close(from[1]);
	sf->in = fdopen(to[1], "w");
	sf->out = fdopen(from[0], "r");
	fprintf(sf->in, "uci\nsetoption name Threads value 1\nsetoption name Hash value 16\n"
	    "setoption name UCI_LimitStrength value true\nsetoption name UCI_Elo value %d\nisready\n", elo);
	fflush(sf->in);
	return 0;
}

/* Reads lines until one starts with prefix; the line (without newline) in buf. -1 at end of output. */
static int
cal_sf_wait(struct cal_sf *sf, const char *prefix, char *buf, size_t cap)
{
	while (fgets(buf, (int)cap, sf->out) != NULL) {
		buf[strcspn(buf, "\r\n")] = '\0';
		if (strncmp(buf, prefix, strlen(prefix)) == 0)
			return 0;
	}
	return -1;
}

static void
cal_sf_stop(struct cal_sf *sf)
{
	int status;

	fputs("quit\n", sf->in);
	fclose(sf->in);
	fclose(sf->out);
	waitpid(sf->pid, &status, 0);
}

/* Stockfish's move in g; MOVE_NONE if it answers nothing legal. */
static move_t
cal_sf_move(struct cal_sf *sf, const struct game *g, long nodes)
{
	char line[256], text[MOVE_TEXT_MAX], err[128];
	move_t m;

	fputs("position startpos moves", sf->in);
	for (int i = 0; i < g->n; i++) {
		move_to_uci(g->moves[i], text);
		fprintf(sf->in, " %s", text);
	}
	fprintf(sf->in, "\ngo nodes %ld\n", nodes);
	fflush(sf->in);
	if (cal_sf_wait(sf, "bestmove ", line, sizeof(line)) != 0 || sscanf(line, "bestmove %7s", text) != 1 ||
	    move_from_uci(&g->pos, text, &m, err, sizeof(err)) != 0)
		return MOVE_NONE;
	return m;
}

/* o->random_plies random legal moves into g, the same for both games of pair. */
static void
cal_random_plies(const struct cal_opts *o, struct game *g, int pair)
{
	uint64_t rng = o->seed * 0xd1b54a32d192ed03ULL + (uint64_t)pair * 0x94d049bb133111ebULL;

	for (int k = 0; k < o->random_plies && g->termination == TERM_NONE; k++) {
		move_t moves[MAX_MOVES];
		int n = movegen_legal(&g->pos, moves);

		game_play(g, moves[search_random(&rng) % (uint64_t)n]);
	}
}

/* Game i of the match: the profile has White in even games; book line i / 2. Returns its score x2. */
static int
cal_game(const struct cal_opts *o, const struct cal_pair *p, struct cal_sf *sf, int i, struct cal_tally *t)
{
	bool pr_white = i % 2 == 0;
	uint64_t seed = o->seed * 0x9e3779b97f4a7c15ULL + (uint64_t)i * 0xbf58476d1ce4e5b9ULL;
	struct position start;
	struct game g;
	char err[160];
	int score2 = 1;

	position_startpos(&start);
	game_init(&g, &start);
	if (book_play(&g, (size_t)(i / 2), err, sizeof(err)) != 0) {
		fprintf(stderr, "perf_calibrate: %s\n", err);
		exit(1);
	}
	cal_random_plies(o, &g, i / 2);
	if (sf != NULL) {
		fputs("ucinewgame\n", sf->in);
		fflush(sf->in);
	}
	while (g.termination == TERM_NONE && g.n < o->max_plies) {
		bool pr_moves = (g.pos.side == WHITE) == pr_white;
		move_t m;

		if (pr_moves) {
			double t0 = realtime_thread_cpu();

			m = player_choose(p->pr, &g, search_random(&seed));
			t->cpu += realtime_thread_cpu() - t0;
			t->moves++;
		} else if (p->vs != NULL) {
			m = player_choose(p->vs, &g, search_random(&seed));
		} else {
			m = cal_sf_move(sf, &g, o->sf_nodes);
		}
		if (m == MOVE_NONE || game_play(&g, m) != 0) {
			fprintf(stderr, "perf_calibrate: game %d: no legal move from %s\n", i + 1,
			    pr_moves ? p->pr->name : "the opponent");
			exit(1);
		}
	}
	if (g.termination == TERM_NONE)
		t->capped++;
	else if (g.result == RESULT_WHITE_WINS)
		score2 = pr_white ? 2 : 0;
	else if (g.result == RESULT_BLACK_WINS)
		score2 = pr_white ? 0 : 2;
	game_free(&g);
	if (score2 == 2)
		t->w++;
	else if (score2 == 1)
		t->d++;
	else
		t->l++;
	return score2;
}

/* Plays games w, w + W, w + 2W, ... of the match. */
static void
cal_worker(const struct cal_opts *o, const struct cal_pair *p, int w, struct cal_tally *t)
{
	struct cal_sf sf;

	memset(t, 0, sizeof(*t));
	if (p->vs == NULL && cal_sf_start(&sf, o->stockfish, p->sf_elo) != 0) {
		fprintf(stderr, "perf_calibrate: cannot start %s\n", o->stockfish);
		exit(1);
	}
	for (int i = w; i < o->games; i += o->workers)
		cal_game(o, p, p->vs == NULL ? &sf : NULL, i, t);
	if (p->vs == NULL)
		cal_sf_stop(&sf);
}

static double
cal_elo(double score)
{
	return -400.0 * log10(1.0 / score - 1.0);
}

static void
cal_report(const struct cal_pair *p, const struct cal_opts *o, const struct cal_tally *t, double wall)
{
	double n = (double)(t->w + t->d + t->l), s = ((double)t->w + 0.5 * (double)t->d) / n;
	double var = ((double)t->w * (1 - s) * (1 - s) + (double)t->d * (0.5 - s) * (0.5 - s) +
	    (double)t->l * s * s) / n;
	double se = sqrt(var / n), lo = s - 1.96 * se, hi = s + 1.96 * se;
	double anchor = p->vs != NULL ? 0 : p->sf_elo;
	char vs[64];

	if (p->vs != NULL)
		snprintf(vs, sizeof(vs), "%s", p->vs->name);
	else
		snprintf(vs, sizeof(vs), "sf:%d@%ldn", p->sf_elo, o->sf_nodes);
	printf("%-12s %-16s %5.0f  +%-3ld =%-3ld -%-3ld %5.1f%%  ", p->pr->name, vs, n, t->w, t->d, t->l, 100 * s);
	if (lo <= 0 || hi >= 1 || t->w + t->d == 0 || t->l + t->d == 0)
		printf("%s%s (off the scale: a nearer anchor is needed)", p->vs != NULL ? "" : "",
		    s > 0.5 ? ">" : "<");
	else
		printf("%s%5.0f  %5.0f .. %-5.0f", p->vs != NULL ? "diff " : "Elo  ", anchor + cal_elo(s),
		    anchor + cal_elo(lo), anchor + cal_elo(hi));
	printf("  %6.2f ms/move  %ld capped  %.0f s\n", t->moves > 0 ? 1e3 * t->cpu / (double)t->moves : 0.0,
	    t->capped, wall);
	fflush(stdout);
}

/*
 * A profile by name, or an ad hoc one for trying budgets:
 * "nodes=N[/soft=N][/noise=CP][/blunder=PERMILLE][/depth=D]".
 */
static const struct player_profile *
cal_profile(const char *name)
{
	static struct player_profile adhoc[16];
	static char names[16][64];
	static int n;
	struct player_profile *p;
	const char *k;

	if (strncmp(name, "nodes=", 6) != 0 || n == 16)
		return player_profile_find(name);
	p = &adhoc[n];
	snprintf(names[n], sizeof(names[n]), "%s", name);
	*p = (struct player_profile){ .name = names[n++], .summary = "", .depth = SEARCH_MAX_DEPTH,
				      .nodes = strtoull(name + 6, NULL, 10) };
	if ((k = strstr(name, "/soft=")) != NULL)
		p->nodes_soft = strtoull(k + 6, NULL, 10);
	if ((k = strstr(name, "/noise=")) != NULL)
		p->noise_cp = atoi(k + 7);
	if ((k = strstr(name, "/blunder=")) != NULL)
		p->blunder_permille = atoi(k + 9);
	if ((k = strstr(name, "/depth=")) != NULL)
		p->depth = atoi(k + 7);
	return p->nodes > 0 && p->depth > 0 ? p : NULL;
}

static int
cal_parse_pair(const char *arg, struct cal_pair *p)
{
	char name[64];
	const char *colon = strchr(arg, ':');

	if (colon == NULL || (size_t)(colon - arg) >= sizeof(name))
		return -1;
	memcpy(name, arg, (size_t)(colon - arg));
	name[colon - arg] = '\0';
	p->pr = cal_profile(name);
	p->vs = NULL;
	if (strncmp(colon + 1, "sf:", 3) == 0) {
		p->sf_elo = atoi(colon + 4);
		return p->pr != NULL && p->sf_elo > 0 ? 0 : -1;
	}
	p->vs = cal_profile(colon + 1);
	return p->pr != NULL && p->vs != NULL ? 0 : -1;
}

int
main(int argc, char **argv)
{
	/* Debian installs Stockfish outside PATH, in /usr/games. */
	struct cal_opts o = { .games = 40, .workers = 2, .sf_nodes = 50000, .seed = 1, .max_plies = 300,
			      .stockfish = access("/usr/games/stockfish", X_OK) == 0 ? "/usr/games/stockfish"
										  : "stockfish" };
	int c;

	while ((c = getopt(argc, argv, "g:w:n:s:m:r:e:")) != -1) {
		switch (c) {
		case 'g': o.games = atoi(optarg); break;
		case 'w': o.workers = atoi(optarg); break;
		case 'n': o.sf_nodes = atol(optarg); break;
		case 's': o.seed = strtoull(optarg, NULL, 10); break;
		case 'm': o.max_plies = atoi(optarg); break;
		case 'r': o.random_plies = atoi(optarg); break;
		case 'e': o.stockfish = optarg; break;
		default:
			fprintf(stderr, "usage: perf_calibrate [-g games] [-w workers] [-n sf_nodes] [-s seed] "
			    "[-m max_plies] [-r random_plies] [-e stockfish] PROFILE:sf:ELO|PROFILE:PROFILE ...\n");
			return 2;
		}
	}
	if (o.games < 1 || o.workers < 1 || o.workers > 64 || o.sf_nodes < 1 || o.max_plies < 1 ||
	    o.random_plies < 0 || o.random_plies > 40 || optind == argc) {
		fprintf(stderr, "perf_calibrate: need games, workers (1..64), nodes, max plies >= 1, "
		    "random plies 0..40 and a pair\n");
		return 2;
	}
	engine_init();
	signal(SIGPIPE, SIG_IGN);
	printf("profile      opponent         games  result          score   rating (95%% interval)  "
	    "think        capped  wall\n");
	for (int a = optind; a < argc; a++) {
		struct cal_pair p;
		struct cal_tally sum = { 0 };
		double t0 = realtime_monotonic();
		int fds[64];

		if (cal_parse_pair(argv[a], &p) != 0) {
			fprintf(stderr, "perf_calibrate: \"%s\" is not PROFILE:sf:ELO or PROFILE:PROFILE\n", argv[a]);
			return 2;
		}
		for (int w = 0; w < o.workers; w++) {
			int pfd[2];

			if (pipe(pfd) != 0)
				return 1;
			if (fork() == 0) {
				struct cal_tally t;

				close(pfd[0]);
				cal_worker(&o, &p, w, &t);
				if (write(pfd[1], &t, sizeof(t)) != (ssize_t)sizeof(t))
					_exit(1);
				_exit(0);
			}
			close(pfd[1]);
			fds[w] = pfd[0];
		}
		for (int w = 0; w < o.workers; w++) {
			struct cal_tally t;
			int status;

			if (read(fds[w], &t, sizeof(t)) != (ssize_t)sizeof(t)) {
				fprintf(stderr, "perf_calibrate: worker %d failed\n", w);
				return 1;
			}
			close(fds[w]);
			wait(&status);
			sum.w += t.w;
			sum.d += t.d;
			sum.l += t.l;
			sum.capped += t.capped;
			sum.moves += t.moves;
			sum.cpu += t.cpu;
		}
		cal_report(&p, &o, &sum, realtime_monotonic() - t0);
	}
	return 0;
}
