// Draws the backtest's F1 day by day, the model's against the 7-day rule's, from /api/backtest.
(function () {
    const canvas = document.getElementById('backtest-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    fetch(canvas.dataset.backtestUrl, {headers: {Accept: 'application/json'}})
        .then(response => response.json())
        .then(backtest => {
            const days = backtest.perDay.slice().reverse(); // oldest first
            canvas.chart = new Chart(canvas, {
                type: 'line',
                data: {
                    labels: days.map(d => new Date(d.asOf * 1000).toISOString().slice(0, 10)),
                    datasets: [
                        {label: 'Model F1', data: days.map(d => d.model.f1), borderColor: '#e08e0b',
                            backgroundColor: '#e08e0b', tension: 0.1},
                        {label: '7-day rule F1', data: days.map(d => d.rule.f1), borderColor: '#d9534f',
                            backgroundColor: '#d9534f', tension: 0.1}
                    ]
                },
                options: {
                    animation: false,
                    responsive: true,
                    maintainAspectRatio: false,
                    scales: {y: {min: 0, max: 1, title: {display: true, text: 'F1 on the week after'}}}
                }
            });
            canvas.dataset.points = String(days.length);
        });
})();
