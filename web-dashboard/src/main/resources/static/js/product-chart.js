// Draws a product's last days (sales and restocks as bars, stock as a line) and the projected stock from today to
// the forecast stock-out, from /api/products/{id}/history.
(function () {
    const canvas = document.getElementById('history-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    fetch(canvas.dataset.historyUrl, {headers: {Accept: 'application/json'}})
        .then(response => response.json())
        .then(history => {
            const labels = history.days.map(d => d.date);
            const future = history.projection.slice(1).map(p => p.date);
            const allLabels = labels.concat(future);
            const pad = values => values.concat(future.map(() => null));
            const projected = labels.slice(0, -1).map(() => null).concat(history.projection.map(p => p.stock));
            canvas.chart = new Chart(canvas, {
                data: {
                    labels: allLabels,
                    datasets: [
                        {type: 'bar', label: 'Sold', data: pad(history.days.map(d => d.sales)),
                            backgroundColor: '#d9534f', yAxisID: 'units'},
                        {type: 'bar', label: 'Restocked', data: pad(history.days.map(d => d.restocks)),
                            backgroundColor: '#5cb85c', yAxisID: 'units'},
                        {type: 'line', label: 'Stock', data: pad(history.days.map(d => d.stock)),
                            borderColor: '#337ab7', backgroundColor: '#337ab7', yAxisID: 'stock', tension: 0.1},
                        {type: 'line', label: 'Projected stock', data: projected, borderDash: [6, 4],
                            borderColor: '#f0ad4e', backgroundColor: '#f0ad4e', yAxisID: 'stock', pointRadius: 2}
                    ]
                },
                options: {
                    animation: false,
                    responsive: true,
                    interaction: {mode: 'index', intersect: false},
                    scales: {
                        units: {type: 'linear', position: 'left', beginAtZero: true,
                            title: {display: true, text: 'units per day'}},
                        stock: {type: 'linear', position: 'right', grid: {drawOnChartArea: false},
                            title: {display: true, text: 'stock'}}
                    }
                }
            });
            canvas.dataset.points = String(history.days.length);
        });
})();
