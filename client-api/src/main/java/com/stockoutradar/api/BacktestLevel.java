package com.stockoutradar.api;

/** The model's scores over a backtest's days had {@code TRENDING} been flagged from {@code level}. */
public record BacktestLevel(double level, BacktestScores model) {
}
